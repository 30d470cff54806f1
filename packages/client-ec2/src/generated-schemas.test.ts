// The generated schemas are exactly what buildSchemas makes from the model: both forms, the compact
// text the full client decodes and the object-literal consts of the per-operation path.

import { buildSchemas, compactRuleSet, operationSnapshot, type ServiceModel } from '@boto-ts/codegen';
import { describe, expect, it } from 'vitest';
import { EC2Client, ec2OperationNames, ec2Service, loadEC2Operation } from './index.js';
import * as operations from './operations.js';
import { ec2Model, ec2RuleSet } from './test-support/model.js';

describe('generated EC2 schemas', () => {
  const model: ServiceModel = ec2Model();
  const built = buildSchemas(model, { endpointRuleSet: compactRuleSet(ec2RuleSet()), configKey: 'ec2' });

  it('lists all 800 operations, sorted', () => {
    expect(ec2OperationNames).toHaveLength(800);
    expect([...ec2OperationNames]).toEqual(Object.keys(model.operations).sort());
  });

  it('decodes every operation of the full client to the objects buildSchemas makes', async () => {
    for (const [name, operation] of built.operations)
      expect(operationSnapshot(await loadEC2Operation(name as never)), name).toEqual(
        operationSnapshot(operation),
      );
  });

  it('exports every operation schema of the per-operation path equal to buildSchemas', () => {
    const exported = operations as unknown as Record<string, unknown>;
    for (const [name, operation] of built.operations)
      expect(operationSnapshot(exported[`${name}Operation`] as never), name).toEqual(
        operationSnapshot(operation),
      );
  });

  it('embeds the service schema with its compacted endpoint rules, and loads the ec2 protocol', async () => {
    const { loadProtocol, ...service } = ec2Service;
    const { loadProtocol: _built, ...builtService } = built.service;
    expect(service).toEqual(builtService);
    expect((await loadProtocol?.())?.name).toBe('ec2');
    expect(operations.ec2Service).toBe(ec2Service);
    expect(JSON.stringify(ec2Service.endpointRuleSet)).not.toContain('documentation');
  });

  it('defines a method on EC2Client and a function on the per-operation path for every operation', () => {
    const exported = operations as unknown as Record<string, unknown>;
    for (const name of ec2OperationNames) {
      const method = name.charAt(0).toLowerCase() + name.slice(1);
      expect(typeof (EC2Client.prototype as unknown as Record<string, unknown>)[method], method).toBe(
        'function',
      );
      expect(typeof exported[method], method).toBe('function');
    }
    expect(EC2Client.prototype.describeInstances.name).toBe('describeInstances');
  });
});
