// Output objects for decoded structures: plain objects (prototype Object.prototype, nothing else to
// tell them apart from `{}`), made by one constructor per structure so that V8 can lay them out well.
//
// An object literal starts with room for 4 properties and grows a separate property array 3 slots at
// a time; an EC2 Instance has about 40 members, so decoding 1,000 of them would allocate and copy
// thousands of throw-away arrays. A constructor instead gets in-object room for the properties its
// source assigns to `this`, and V8's slack tracking trims that room to what its first objects used.
// The assignments below never run (the constructor is called without arguments); they only reserve
// room for up to 64 properties. Each structure gets its own constructor, so each is trimmed to its own
// size. Objects with more members than reserved simply grow as literals do.

export type OutputObject = Record<string, unknown>;
export type OutputObjectConstructor = new () => OutputObject;

export function outputObjectConstructor(): OutputObjectConstructor {
  const Structure = function (this: OutputObject, reserve?: unknown): void {
    if (reserve === RESERVE) {
      this.p0 = 0;
      this.p1 = 0;
      this.p2 = 0;
      this.p3 = 0;
      this.p4 = 0;
      this.p5 = 0;
      this.p6 = 0;
      this.p7 = 0;
      this.p8 = 0;
      this.p9 = 0;
      this.p10 = 0;
      this.p11 = 0;
      this.p12 = 0;
      this.p13 = 0;
      this.p14 = 0;
      this.p15 = 0;
      this.p16 = 0;
      this.p17 = 0;
      this.p18 = 0;
      this.p19 = 0;
      this.p20 = 0;
      this.p21 = 0;
      this.p22 = 0;
      this.p23 = 0;
      this.p24 = 0;
      this.p25 = 0;
      this.p26 = 0;
      this.p27 = 0;
      this.p28 = 0;
      this.p29 = 0;
      this.p30 = 0;
      this.p31 = 0;
      this.p32 = 0;
      this.p33 = 0;
      this.p34 = 0;
      this.p35 = 0;
      this.p36 = 0;
      this.p37 = 0;
      this.p38 = 0;
      this.p39 = 0;
      this.p40 = 0;
      this.p41 = 0;
      this.p42 = 0;
      this.p43 = 0;
      this.p44 = 0;
      this.p45 = 0;
      this.p46 = 0;
      this.p47 = 0;
      this.p48 = 0;
      this.p49 = 0;
      this.p50 = 0;
      this.p51 = 0;
      this.p52 = 0;
      this.p53 = 0;
      this.p54 = 0;
      this.p55 = 0;
      this.p56 = 0;
      this.p57 = 0;
      this.p58 = 0;
      this.p59 = 0;
      this.p60 = 0;
      this.p61 = 0;
      this.p62 = 0;
      this.p63 = 0;
    }
  } as unknown as OutputObjectConstructor;
  Structure.prototype = Object.prototype;
  return Structure;
}

const RESERVE = Symbol('reserve room');
