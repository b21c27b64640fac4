import { ALL_SYSTEMS, grants, MESSAGES, type Permission } from '@openpivot/protocol';
import type { Store, DeviceRecord, CollectionRecord } from '../store/index.js';
import { isMember } from './membership.js';

export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly message: string };

const ALLOW: Decision = { allowed: true };

/** What a user's role assignments grant, collection by collection. */
export class Scope {
  constructor(
    /** collection id → permissions granted on it */
    readonly byCollection: ReadonlyMap<string, ReadonlySet<Permission>>,
  ) {}

  /** Permissions granted anywhere (for site-wide rights: Site.Admin, Audit.Read). */
  anywhere(p: Permission): boolean {
    for (const set of this.byCollection.values()) if (grants(set, p)) return true;
    return false;
  }

  /** Permissions on one collection: its own assignments plus All Systems' (which holds every device). */
  on(collectionId: string, needed: readonly Permission[]): boolean {
    const sets = [this.byCollection.get(collectionId), this.byCollection.get(ALL_SYSTEMS.id)].filter((s) => s !== undefined);
    return sets.some((set) => needed.every((p) => grants(set, p)));
  }
}

export async function scopeOf(store: Store, userId: number): Promise<Scope> {
  const map = new Map<string, Set<Permission>>();
  for (const a of await store.assignmentsOf(userId)) {
    const set = map.get(a.collectionId) ?? new Set<Permission>();
    for (const p of a.permissions) set.add(p);
    map.set(a.collectionId, set);
  }
  return new Scope(map);
}

/**
 * RBAC over devices needs each collection's members; reading them once per request keeps a check
 * on 10,000 devices cheap (one query for collections, one per collection for direct members).
 */
export class MembershipView {
  private constructor(private readonly collections: readonly { readonly c: CollectionRecord; readonly direct: ReadonlySet<number> }[]) {}

  static async load(store: Store, only?: ReadonlySet<string>): Promise<MembershipView> {
    const all = await store.listCollections();
    const picked = only ? all.filter((c) => only.has(c.id)) : all;
    const withMembers = await Promise.all(picked.map(async (c) => ({ c, direct: new Set(await store.directMembers(c.id)) })));
    return new MembershipView(withMembers);
  }

  collectionsHolding(device: DeviceRecord): CollectionRecord[] {
    return this.collections.filter(({ c, direct }) => isMember(c, device, direct)).map(({ c }) => c);
  }

  members(collectionId: string, devices: readonly DeviceRecord[]): DeviceRecord[] {
    const entry = this.collections.find(({ c }) => c.id === collectionId);
    if (!entry) return [];
    return devices.filter((d) => isMember(entry.c, d, entry.direct));
  }
}

/** The permissions running a query needs: Read and Run CMPivot, plus Entity.Sensitive for sensitive entities. */
export function neededFor(sensitiveEntities: readonly string[]): Permission[] {
  return sensitiveEntities.length > 0 ? ['Collection.Read', 'Collection.RunCMPivot', 'Entity.Sensitive'] : ['Collection.Read', 'Collection.RunCMPivot'];
}

function refusal(sensitive: readonly string[], scope: Scope, collectionIds: readonly string[]): Decision {
  // Name the sensitive entities only when they are what is missing: the user may run CMPivot there.
  const couldRunPlain = collectionIds.some((id) => scope.on(id, neededFor([])));
  return { allowed: false, message: couldRunPlain && sensitive.length > 0 ? MESSAGES.sensitiveEntity(sensitive) : MESSAGES.notAuthorized };
}

/**
 * A query on a device is allowed only if one collection holding the device grants every needed
 * permission (fact sheet §4.1: Read and Run CMPivot on the collection).
 */
export function mayQueryDevice(scope: Scope, view: MembershipView, device: DeviceRecord, sensitive: readonly string[]): Decision {
  const ids = view.collectionsHolding(device).map((c) => c.id);
  const needed = neededFor(sensitive);
  return ids.some((id) => scope.on(id, needed)) ? ALLOW : refusal(sensitive, scope, ids);
}

/** A query on a collection needs the permissions on that collection (or on All Systems). */
export function mayQueryCollection(scope: Scope, collectionId: string, sensitive: readonly string[]): Decision {
  return scope.on(collectionId, neededFor(sensitive)) ? ALLOW : refusal(sensitive, scope, [collectionId]);
}

/** Whether the user may see the device at all (Collection.Read on a collection holding it). */
export function mayReadDevice(scope: Scope, view: MembershipView, device: DeviceRecord): boolean {
  return view.collectionsHolding(device).some((c) => scope.on(c.id, ['Collection.Read']));
}
