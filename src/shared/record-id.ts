/**
 * Record ids at the edge: positive integers that fit the databases' 32-bit integer keys, so an id
 * too large for PostgreSQL's `integer` is a 400 at the edge instead of a driver error (a 500).
 */
import { z } from 'zod';

/** The largest id a record can have (PostgreSQL `integer`). */
export const MAX_RECORD_ID = 2_147_483_647;

/** A record id from a path, query or form field (coerced from text). */
export const recordIdSchema = z.coerce.number().int().positive().max(MAX_RECORD_ID);
