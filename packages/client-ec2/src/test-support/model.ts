// Loads the EC2 model for tests and the generators (the repository's models/).

import { readFileSync } from 'node:fs';
import type { ServiceModel } from '@boto-ts/codegen';
import { modelPath } from '../../../../scripts/lib/repo-data.js';

let ec2: ServiceModel | undefined;

export function ec2Model(): ServiceModel {
  ec2 ??= JSON.parse(readFileSync(modelPath('ec2', '2016-11-15', 'service-2.json'), 'utf8')) as ServiceModel;
  return ec2;
}

let ruleSet: unknown;

export function ec2RuleSet(): unknown {
  ruleSet ??= JSON.parse(readFileSync(modelPath('ec2', '2016-11-15', 'endpoint-rule-set-1.json'), 'utf8'));
  return ruleSet;
}
