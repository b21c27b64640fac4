import { useState } from 'react';
import { pollResult, type Api } from '../common/api.js';
import { go } from '../common/router.js';
import { CmpivotPane, type ResultSnapshot } from '../cmpivot/cmpivot-pane.js';
import type { MenuItem } from '../cmpivot/cell-menu.js';
import { QuerySummary } from './query-summary.js';
import { CreateCollectionDialog } from './create-collection.js';
import { idsOfNames, useDevices, type SiteDevice } from './devices.js';

const V = '/AdminService/v1.0';

interface MergedResultBody {
  readonly value: {
    readonly Status: string; readonly Complete: boolean; readonly Devices: number; readonly Answered: number;
    readonly Counts: Readonly<Record<string, number>>; readonly Columns: { Name: string; Type: string }[]; readonly Result: Record<string, unknown>[];
  }[];
}

/** A merged answer so far (a collection's or selected devices'): 404 until the first device answered, then rows as devices answer. */
async function mergedResult(api: Api, path: string, signal: AbortSignal): Promise<ResultSnapshot> {
  const body = await pollResult<MergedResultBody>(api, path, signal);
  const v = body.value[0]!;
  return {
    columns: v.Columns.map((c) => ({ name: c.Name, type: c.Type })), rows: v.Result, status: v.Status,
    complete: v.Complete, progress: { answered: v.Answered, total: v.Devices }, counts: v.Counts,
  };
}

/** What the site console adds to CMPivot: Device Pivot and Create collection on result rows, and the Query Summary. */
function useDeviceActions(api: Api): {
  readonly devices: readonly SiteDevice[]; readonly actions: (names: readonly string[]) => MenuItem[];
  readonly dialog: JSX.Element | null; readonly createFrom: (ids: readonly number[]) => void;
} {
  const { devices } = useDevices(api);
  const [collectionOf, setCollectionOf] = useState<readonly number[] | null>(null);
  const actions = (names: readonly string[]): MenuItem[] => {
    const ids = idsOfNames(devices, names);
    const none = ids.length === 0 ? { disabledReason: 'None of these devices is one you may read' } : {};
    return [
      { label: ids.length > 1 ? `Device Pivot (${ids.length} devices)` : 'Device Pivot', run: () => pivotTo(ids), ...none },
      { label: 'Create collection', run: () => setCollectionOf(ids), ...none },
    ];
  };
  const dialog = collectionOf ? <CreateCollectionDialog api={api} deviceIds={collectionOf} onClose={() => setCollectionOf(null)} /> : null;
  return { devices, actions, dialog, createFrom: setCollectionOf };
}

/** Device Pivot: a new CMPivot scoped to the devices (fact sheet §5.1). */
export function pivotTo(ids: readonly number[]): void {
  if (ids.length === 1) go('devices', ids[0]!, 'cmpivot');
  else if (ids.length > 1) go('pivot', [...ids].sort((a, b) => a - b).join(','));
}

export function CollectionCmpivot({ api, id, name }: { readonly api: Api; readonly id: string; readonly name: string }): JSX.Element {
  const { actions, dialog, createFrom } = useDeviceActions(api);
  const base = `${V}/Collections('${encodeURIComponent(id)}')`;
  return (
    <>
      <CmpivotPane api={api} target={name} runPath={`${base}/AdminService.RunCMPivot`} favorites
        resultPath={(op) => `${base}/AdminService.CMPivotResult(OperationId=${op})`}
        fetchResult={mergedResult} onClose={() => go('collections')} deviceActions={actions}
        summary={(op, complete) => <QuerySummary api={api} operationId={op} complete={complete} onPivot={pivotTo} onCreateCollection={createFrom} />} />
      {dialog}
    </>
  );
}

export function DevicesCmpivot({ api, ids }: { readonly api: Api; readonly ids: readonly number[] }): JSX.Element {
  const { actions, dialog, createFrom } = useDeviceActions(api);
  return (
    <>
      <CmpivotPane api={api} target={`${ids.length} devices`} runPath={`${V}/Device/AdminService.RunCMPivot`} runBody={{ ResourceIds: ids }} favorites
        resultPath={(op) => `${V}/Device/AdminService.CMPivotResult(OperationId=${op})`}
        fetchResult={mergedResult} onClose={() => window.history.back()} deviceActions={actions}
        summary={(op, complete) => <QuerySummary api={api} operationId={op} complete={complete} onPivot={pivotTo} onCreateCollection={createFrom} />} />
      {dialog}
    </>
  );
}

export function DeviceCmpivot({ api, id }: { readonly api: Api; readonly id: number }): JSX.Element {
  const { devices, actions, dialog } = useDeviceActions(api);
  const name = devices.find((d) => d.ResourceId === id)?.Name ?? `device ${id}`;
  return (
    <>
      <CmpivotPane api={api} target={name} runPath={`${V}/Device(${id})/AdminService.RunCMPivot`} favorites
        resultPath={(op) => `${V}/Device(${id})/AdminService.CMPivotResult(OperationId=${op})`} onClose={() => window.history.back()} deviceActions={actions} />
      {dialog}
    </>
  );
}
