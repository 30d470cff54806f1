// The retry quota (standard and adaptive modes): a per-client budget that stops retry storms
// when a service is down. A retry costs 5 (a timeout 10); a success gives back what its retry
// cost, or 1 when it needed none. Numbers as botocore and the v3 SDK.

export const QUOTA_INITIAL_CAPACITY = 500;
export const QUOTA_RETRY_COST = 5;
export const QUOTA_TIMEOUT_RETRY_COST = 10;
export const QUOTA_NO_RETRY_INCREMENT = 1;

export class RetryQuota {
  readonly maxCapacity: number;
  #available: number;

  constructor(capacity: number = QUOTA_INITIAL_CAPACITY) {
    this.maxCapacity = capacity;
    this.#available = capacity;
  }

  get available(): number {
    return this.#available;
  }

  /** Takes `amount` if that much is left; false (and nothing taken) otherwise. */
  acquire(amount: number): boolean {
    if (amount > this.#available) return false;
    this.#available -= amount;
    return true;
  }

  release(amount: number): void {
    this.#available = Math.min(this.maxCapacity, this.#available + amount);
  }
}
