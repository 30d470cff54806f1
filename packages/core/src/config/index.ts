// Public exports of core/config (filled in as the area is built).
export {};
