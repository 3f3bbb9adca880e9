import type { CommandDefinition, CoreRepositories } from '@retailkit/core';
import type { z } from 'zod';
import type { CatalogRepositories } from './catalog-repository.js';

/** The repositories a catalog command runs against: the core ones and the catalog's. */
export type CatalogCommandRepositories = CoreRepositories & CatalogRepositories;

/** A catalog command: input of type `I` (validated by its schema), result of type `T` (plain JSON). */
export type CatalogCommand<I, T> = CommandDefinition<CatalogCommandRepositories, z.ZodType<I, I>, T>;
