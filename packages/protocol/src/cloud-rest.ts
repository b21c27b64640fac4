import { z } from 'zod';
import { LIMITS } from './limits.js';

/** `POST /api/session`: a password sign-in to the cloud, answered with a bearer token. */
export const SignInBody = z.object({
  upn: z.string().min(1).max(255),
  password: z.string().min(1).max(1024),
});
export type SignInBody = z.infer<typeof SignInBody>;

/** `POST …/Device(n)/AdminService.RunCMPivot` on the cloud: the admin center runs cmpivot-dialect queries only. */
export const CloudRunCMPivotBody = z.object({
  InputQuery: z.string().min(1, 'InputQuery is empty').max(LIMITS.maxQueryChars),
});
export type CloudRunCMPivotBody = z.infer<typeof CloudRunCMPivotBody>;

/** The web admin center's saved queries ("favourites"): a name, the query and tags to find it by. */
export const FAVORITE_LIMITS = { nameChars: 128, tagChars: 40, tags: 20 } as const;

const favoriteFields = {
  name: z.string().trim().min(1, 'name is empty').max(FAVORITE_LIMITS.nameChars),
  query: z.string().min(1, 'query is empty').max(LIMITS.maxQueryChars),
  tags: z.array(z.string().trim().min(1, 'a tag is empty').max(FAVORITE_LIMITS.tagChars)).max(FAVORITE_LIMITS.tags),
};

/** `POST /api/favorites`: saves the current query under a name (unique per user, ignoring case). */
export const CreateFavoriteBody = z.object({ ...favoriteFields, tags: favoriteFields.tags.default([]) });
export type CreateFavoriteBody = z.infer<typeof CreateFavoriteBody>;

/** `PUT /api/favorites/:id`: renames a favourite, or changes its query or tags (the fields given). */
export const UpdateFavoriteBody = z.object(favoriteFields).partial();
export type UpdateFavoriteBody = z.infer<typeof UpdateFavoriteBody>;
