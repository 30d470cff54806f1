// Public exports of core/retry (filled in as the area is built).
export {};
