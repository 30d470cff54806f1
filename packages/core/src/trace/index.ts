// Public exports of core/trace (filled in as the area is built).
export {};
