import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { chartSvg, goalAdvantageOverV3 } from './chart-svg.js';
import type { Row } from './rows.js';

const measured: Row = {
  id: 'warm-cpu-1000',
  figure: 'warm CPU per call, N=1000 & more',
  unit: 'ms',
  better: 'lower',
  cells: { 'boto-ts': { value: 50 }, v3: { value: 250 }, boto3: { value: 700 }, floor: { value: 10 } },
  goal: { text: '<= 60 ms', limit: 60 },
};
const pending: Row = { ...measured, id: 'p', figure: 'pending figure', cells: { v3: { value: 1 } } };
const noGoal: Row = { ...measured, id: 'n', figure: 'no goal figure', goal: undefined } as Row;

describe('chartSvg', () => {
  const svg = chartSvg([measured, pending, noGoal], 'pnpm bench <test>');

  it('is well-formed XML with the subtitle and labels escaped', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('pnpm bench &lt;test&gt;');
    expect(svg).toContain('N=1000 &amp; more');
  });

  it('draws one bar per measured peer for figures with a goal, and says pending otherwise', () => {
    expect(svg.match(/<rect [^>]*height="11"/g)).toHaveLength(3);
    expect(svg).toContain('boto-ts pending');
    expect(svg).not.toContain('no goal figure');
    expect(svg).toContain('>5.0x<');
    expect(svg).toContain('>0.20x<');
  });

  it('places the goal as an advantage over the v3 SDK', () => {
    expect(goalAdvantageOverV3(measured)).toBeCloseTo(250 / 60);
    const rate: Row = {
      ...measured,
      better: 'higher',
      cells: { v3: { value: 1000 } },
      goal: { text: '>= 3,000', limit: 3000 },
    };
    expect(goalAdvantageOverV3(rate)).toBeCloseTo(3);
  });
});
