import { ALL_SYSTEMS, type CollectionRule } from '@openpivot/protocol';
import type { CollectionRecord, DeviceRecord } from '../store/index.js';

/** The device fact a rule field names. */
function factOf(device: DeviceRecord, field: CollectionRule['field']): string {
  const f = device.facts;
  switch (field) {
    case 'Name': return device.name;
    case 'Platform': return f.platform;
    case 'OS': return f.os;
    case 'OSVersion': return f.osVersion;
    case 'AgentVersion': return f.agentVersion;
    case 'IP': return f.ip;
    case 'Domain': return f.domain ?? '';
  }
}

function wildcard(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/** Rule values compare case-insensitively, as ConfigMgr's WQL membership rules do. */
export function ruleMatches(rule: CollectionRule, device: DeviceRecord): boolean {
  const fact = factOf(device, rule.field).toLowerCase();
  const value = rule.value.toLowerCase();
  switch (rule.op) {
    case 'equals': return fact === value;
    case 'startswith': return fact.startsWith(value);
    case 'contains': return fact.includes(value);
    case 'like': return wildcard(rule.value).test(fact);
  }
}

/**
 * Whether a device belongs to a collection: All Systems holds every device; otherwise a direct member,
 * or a device matching every rule of a rule-based collection.
 */
export function isMember(collection: CollectionRecord, device: DeviceRecord, directMembers: ReadonlySet<number>): boolean {
  if (collection.id === ALL_SYSTEMS.id) return true;
  if (directMembers.has(device.id)) return true;
  return collection.rules !== null && collection.rules.length > 0 && collection.rules.every((r) => ruleMatches(r, device));
}
