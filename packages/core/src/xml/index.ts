// Public exports of core/xml (filled in as the area is built).
export {};
