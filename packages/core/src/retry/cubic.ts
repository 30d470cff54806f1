// CUBIC (RFC 8312) applied to request rates, as adaptive retry mode uses it: after a throttle the
// rate drops to beta x the rate in use, then grows back along a cubic curve centred on that rate.

export const CUBIC_BETA = 0.7;
export const CUBIC_SCALE = 0.4;

export class CubicCalculator {
  #wMax: number;
  #k: number;
  #lastFail: number;
  readonly #beta: number;
  readonly #scale: number;

  /** Times in seconds. */
  constructor(
    startingMaxRate: number,
    startTime: number,
    beta: number = CUBIC_BETA,
    scale: number = CUBIC_SCALE,
  ) {
    this.#beta = beta;
    this.#scale = scale;
    this.#wMax = startingMaxRate;
    this.#lastFail = startTime;
    this.#k = this.#zeroPoint();
  }

  /** The time after a throttle at which the curve returns to the old maximum. */
  #zeroPoint(): number {
    return Math.cbrt((this.#wMax * (1 - this.#beta)) / this.#scale);
  }

  get k(): number {
    return this.#k;
  }

  get wMax(): number {
    return this.#wMax;
  }

  /** The rate allowed at `timestamp` since the last throttle. */
  successReceived(timestamp: number): number {
    return this.#scale * (timestamp - this.#lastFail - this.#k) ** 3 + this.#wMax;
  }

  /** A throttle while sending at `currentRate`: remember it as the maximum, return the reduced rate. */
  errorReceived(currentRate: number, timestamp: number): number {
    this.#wMax = currentRate;
    this.#k = this.#zeroPoint();
    this.#lastFail = timestamp;
    return currentRate * this.#beta;
  }
}
