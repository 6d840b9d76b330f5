// Columns and helpers several datasets share.
import { trimFloat } from '../../format.ts';
import { meanQuantities } from '../../metrics/quantities.ts';
import { quantityOf as viewQuantity, type ViewRecord } from '../../query/types.ts';
import type { ColumnSpec, Quantity } from '../types.ts';

export const note: ColumnSpec = { key: 'note', label: '备注', type: 'text' };

/** A figure in a row-rule message: `120`, `120余`. */
export const show = (q: Quantity) => `${trimFloat(q.value)}${q.approx ? '余' : ''}`;

/** The combine rule of a derived percentage: the mean over the rows. */
export const meanOf = (key: string) => (rows: ViewRecord[]) => meanQuantities(rows.map((r) => viewQuantity(r[key])));
