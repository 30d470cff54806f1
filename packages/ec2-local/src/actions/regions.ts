// DescribeRegions and DescribeAvailabilityZones: the fixed region table and the served region's zones.

import { invalidParameterValue } from '../protocol/errors.js';
import { applyFilters, type FilterTable, parseFilters } from '../query/filters.js';
import { type RegionInfo, regionTable, type ZoneInfo } from '../state/regions.js';
import { defineAction } from './context.js';

const REGION_FILTERS: FilterTable<RegionInfo> = {
  endpoint: (r) => r.endpoint,
  'region-name': (r) => r.regionName,
  'opt-in-status': (r) => r.optInStatus,
};

export const describeRegions = defineAction({
  prepare(context) {
    const { params, state } = context;
    const all = regionTable(state.region);
    const names = params.list('RegionName');
    for (const name of names) {
      if (!all.some((r) => r.regionName === name)) throw invalidParameterValue(`Invalid region: ${name}`);
    }
    const includeAll = params.boolean('AllRegions') ?? false;
    let regions = names.length > 0 ? all.filter((r) => names.includes(r.regionName)) : all;
    if (!includeAll && names.length === 0) regions = regions.filter((r) => r.optInStatus !== 'not-opted-in');
    return applyFilters(regions, parseFilters(params), REGION_FILTERS);
  },
  run: (_context, regions) => ({
    regionInfo: regions.map((r) => ({
      regionName: r.regionName,
      regionEndpoint: r.endpoint,
      optInStatus: r.optInStatus,
    })),
  }),
});

const ZONE_FILTERS: FilterTable<ZoneInfo> = {
  'zone-name': (z) => z.zoneName,
  'zone-id': (z) => z.zoneId,
  'region-name': (z) => z.regionName,
  state: (z) => z.state,
  'zone-type': () => 'availability-zone',
  'group-name': (z) => z.regionName,
  'network-border-group': (z) => z.regionName,
  'opt-in-status': () => 'opt-in-not-required',
};

export const describeAvailabilityZones = defineAction({
  prepare(context) {
    const { params, state } = context;
    const names = params.list('ZoneName');
    const ids = params.list('ZoneId');
    for (const name of names) {
      if (!state.zones.some((z) => z.zoneName === name))
        throw invalidParameterValue(`The zone '${name}' does not exist`);
    }
    for (const id of ids) {
      if (!state.zones.some((z) => z.zoneId === id))
        throw invalidParameterValue(`The zone id '${id}' does not exist`);
    }
    const zones = state.zones.filter(
      (z) => (names.length === 0 && ids.length === 0) || names.includes(z.zoneName) || ids.includes(z.zoneId),
    );
    return applyFilters(zones, parseFilters(params), ZONE_FILTERS);
  },
  run: (_context, zones) => ({
    availabilityZoneInfo: zones.map((z) => ({
      optInStatus: 'opt-in-not-required',
      messageSet: [],
      regionName: z.regionName,
      zoneName: z.zoneName,
      zoneId: z.zoneId,
      groupName: z.regionName,
      networkBorderGroup: z.regionName,
      zoneType: 'availability-zone',
      zoneState: z.state,
    })),
  }),
});
