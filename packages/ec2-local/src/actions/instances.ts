// DescribeInstances, DescribeInstanceStatus and the state-changing calls (Start, Stop, Reboot,
// Terminate). Describe pages by instance and regroups each page into its reservations; state changes
// check every id and every state first, so a call either changes all instances or none.

import { Ec2Error, missingParameter } from '../protocol/errors.js';
import type { XmlObject } from '../protocol/xml.js';
import { applyFilters, type FilterTable, parseFilters } from '../query/filters.js';
import { paginate, readPaging } from '../query/paging.js';
import {
  beginPending,
  beginShuttingDown,
  beginStopping,
  STATE_CODES,
  statusCheck,
} from '../state/lifecycle.js';
import type { InstanceRecord, InstanceStateName } from '../state/records.js';
import { type ActionContext, defineAction, ID_PATTERNS, lookupIds, unique } from './context.js';
import { instanceFilters, reservationXml, stateXml, volumesByInstance } from './instance-view.js';

function findInstances(context: ActionContext, ids: readonly string[]): InstanceRecord[] {
  return lookupIds(unique(ids), {
    pattern: ID_PATTERNS.instance,
    malformedCode: 'InvalidInstanceID.Malformed',
    notFoundCode: 'InvalidInstanceID.NotFound',
    noun: 'instance ID',
    find: (id) => context.state.instances.get(id),
  });
}

function describePrepare(context: ActionContext) {
  const { params, state } = context;
  const ids = params.list('InstanceId');
  const paging = readPaging(context.action, params, { idsGiven: ids.length > 0, idsName: 'instancesSet' });
  const filters = parseFilters(params);
  const base = ids.length > 0 ? findInstances(context, ids) : [...state.instances.values()];
  const matched = applyFilters(base, filters, instanceFilters(state), (i) => state.tags.list(i.id));
  return { matched: matched.sort((a, b) => a.seq - b.seq), paging };
}

export const describeInstances = defineAction({
  prepare: describePrepare,
  run(context, { matched, paging }) {
    const { state } = context;
    const page = paginate(matched, paging);
    const groups = new Map<string, InstanceRecord[]>();
    for (const instance of page.items) {
      const list = groups.get(instance.reservationId);
      if (list) list.push(instance);
      else groups.set(instance.reservationId, [instance]);
    }
    const volumes = volumesByInstance(state);
    const reservations = [...groups].map(([id, instances]) =>
      reservationXml(
        state,
        { id, ownerId: state.reservations.get(id)?.ownerId ?? state.accountId },
        instances,
        volumes,
      ),
    );
    return { reservationSet: reservations, nextToken: page.nextToken };
  },
});

function statusXml(context: ActionContext, instance: InstanceRecord): XmlObject {
  const check = statusCheck(context.state, instance, context.now);
  const summary = (): XmlObject =>
    check === 'not-applicable'
      ? { status: 'not-applicable' }
      : {
          status: check,
          details: [{ name: 'reachability', status: check === 'ok' ? 'passed' : 'initializing' }],
        };
  return {
    instanceId: instance.id,
    availabilityZone: instance.availabilityZone,
    eventsSet: [],
    instanceState: stateXml(instance.state),
    systemStatus: summary(),
    instanceStatus: summary(),
    attachedEbsStatus: summary(),
  };
}

function statusFilters(context: ActionContext): FilterTable<InstanceRecord> {
  const check = (i: InstanceRecord) => statusCheck(context.state, i, context.now);
  const reachability = (i: InstanceRecord) => {
    const c = check(i);
    return c === 'ok' ? 'passed' : c === 'initializing' ? 'initializing' : undefined;
  };
  return {
    'instance-id': (i) => i.id,
    'availability-zone': (i) => i.availabilityZone,
    'instance-state-name': (i) => i.state,
    'instance-state-code': (i) => STATE_CODES[i.state],
    'instance-status.status': check,
    'system-status.status': check,
    'instance-status.reachability': reachability,
    'system-status.reachability': reachability,
  };
}

export const describeInstanceStatus = defineAction({
  prepare(context) {
    const { params, state } = context;
    const ids = params.list('InstanceId');
    const paging = readPaging(context.action, params, { idsGiven: ids.length > 0, idsName: 'instancesSet' });
    const includeAll = params.boolean('IncludeAllInstances') ?? false;
    const filters = parseFilters(params);
    const base = ids.length > 0 ? findInstances(context, ids) : [...state.instances.values()];
    const visible = includeAll ? base : base.filter((i) => i.state === 'running');
    const matched = applyFilters(visible, filters, statusFilters(context));
    return { matched: matched.sort((a, b) => a.seq - b.seq), paging };
  },
  run(context, { matched, paging }) {
    const page = paginate(matched, paging);
    return { instanceStatusSet: page.items.map((i) => statusXml(context, i)), nextToken: page.nextToken };
  },
});

type Change = 'start' | 'stop' | 'terminate';

const ALLOWED: Readonly<
  Record<Change, { act: readonly InstanceStateName[]; noop: readonly InstanceStateName[]; verb: string }>
> = {
  start: { act: ['stopped'], noop: ['pending', 'running'], verb: 'started' },
  stop: { act: ['running'], noop: ['stopping', 'stopped'], verb: 'stopped' },
  terminate: {
    act: ['pending', 'running', 'stopping', 'stopped'],
    noop: ['shutting-down', 'terminated'],
    verb: 'terminated',
  },
};

function changePrepare(change: Change) {
  return (context: ActionContext): InstanceRecord[] => {
    const ids = context.params.list('InstanceId');
    if (ids.length === 0) throw missingParameter('InstanceId');
    const instances = findInstances(context, ids);
    const rule = ALLOWED[change];
    for (const instance of instances) {
      if (!rule.act.includes(instance.state) && !rule.noop.includes(instance.state)) {
        throw new Ec2Error(
          'IncorrectInstanceState',
          `The instance '${instance.id}' is not in a state from which it can be ${rule.verb}.`,
        );
      }
    }
    return instances;
  };
}

function changeRun(change: Change, resultName: string) {
  return (context: ActionContext, instances: InstanceRecord[]): XmlObject => {
    const { state, now } = context;
    const rows = instances.map((instance) => {
      const previous = instance.state;
      if (ALLOWED[change].act.includes(previous)) {
        if (change === 'start') beginPending(state, instance, now);
        else if (change === 'stop') beginStopping(state, instance, now);
        else beginShuttingDown(state, instance, now);
      }
      return {
        instanceId: instance.id,
        currentState: stateXml(instance.state),
        previousState: stateXml(previous),
      };
    });
    return { [resultName]: rows };
  };
}

export const startInstances = defineAction({
  prepare: changePrepare('start'),
  run: changeRun('start', 'instancesSet'),
});
export const stopInstances = defineAction({
  prepare: changePrepare('stop'),
  run: changeRun('stop', 'instancesSet'),
});
export const terminateInstances = defineAction({
  prepare: changePrepare('terminate'),
  run: changeRun('terminate', 'instancesSet'),
});

export const rebootInstances = defineAction({
  prepare(context) {
    const ids = context.params.list('InstanceId');
    if (ids.length === 0) throw missingParameter('InstanceId');
    const instances = findInstances(context, ids);
    for (const instance of instances) {
      if (instance.state !== 'running' && instance.state !== 'pending') {
        throw new Ec2Error(
          'IncorrectInstanceState',
          `The instance '${instance.id}' is not in a state from which it can be rebooted.`,
        );
      }
    }
    return instances;
  },
  // A reboot keeps the instance running; nothing a client can observe changes.
  run: () => ({ return: true }),
});
