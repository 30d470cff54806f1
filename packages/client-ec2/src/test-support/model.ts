// Loads the EC2 model for tests and the generators (read-only, from ../shared/models).

import { readFileSync } from 'node:fs';
import type { ServiceModel } from '@boto-ts/codegen';
import { sharedPath } from '../../../../scripts/lib/shared-dir.js';

let ec2: ServiceModel | undefined;

export function ec2Model(): ServiceModel {
  ec2 ??= JSON.parse(
    readFileSync(sharedPath('models', 'ec2', '2016-11-15', 'service-2.json'), 'utf8'),
  ) as ServiceModel;
  return ec2;
}

let ruleSet: unknown;

export function ec2RuleSet(): unknown {
  ruleSet ??= JSON.parse(
    readFileSync(sharedPath('models', 'ec2', '2016-11-15', 'endpoint-rule-set-1.json'), 'utf8'),
  );
  return ruleSet;
}
