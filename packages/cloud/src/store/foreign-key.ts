import { constraintBroken, StoreError } from '@openpivot/server';

/** Runs `fn`, turning a broken foreign key (a tenant or connector that does not exist) into a StoreError naming `field`. */
export async function mustReferTo<T>(field: string, message: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (constraintBroken(err) === 'foreign-key') throw new StoreError('invalid', field, message);
    throw err;
  }
}
