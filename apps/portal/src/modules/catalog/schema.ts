import { z } from 'zod';

const text = z.object({ ru: z.string().min(1), kk: z.string().min(1), en: z.string().min(1) });

export const catalogEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lowercase URL slug'),
    parent: z.string().nullable(),
    kind: z.enum(['section', 'service']),
    order: z.number().int(),
    name: text,
    description: text,
    /** Services: the portal path where the service starts. */
    href: z
      .string()
      .regex(/^\/[\w\-/]*$/, 'a path on the portal')
      .optional(),
    requiresLogin: z.boolean().optional(),
  })
  .strict();

export const catalogFileSchema = z.object({
  $comment: z.string().optional(),
  entries: z.array(catalogEntrySchema),
});

export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

/** An entry as the API returns it: with its web path (/services/…) and its place in the tree. */
export const catalogNodeSchema = catalogEntrySchema.extend({
  /** The catalogue page: /services/<ancestors' ids>/<id> (the root is /services). */
  path: z.string(),
  /** Ancestor ids, root first. */
  ancestors: z.array(z.string()),
  children: z.array(z.string()),
});

export type CatalogNode = z.infer<typeof catalogNodeSchema>;

export const catalogResponse = z.object({ nodes: z.array(catalogNodeSchema) });
export const catalogNodeResponse = z.object({
  node: catalogNodeSchema,
  /** Root → the node itself: the breadcrumbs. */
  trail: z.array(catalogNodeSchema),
  children: z.array(catalogNodeSchema),
});
