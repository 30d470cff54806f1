// Public exports of core/endpoints (filled in as the area is built).
export {};
