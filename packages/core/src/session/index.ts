// Public exports of core/session (filled in as the area is built).
export {};
