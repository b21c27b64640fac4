import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/**
 * Serves the built web app (`dist/web`: index.html and hashed assets) under `prefix` — the cloud's admin
 * center at `/`, the site's console at `/console/`. Everything is local: nothing is fetched from outside
 * the machine. Without a build, the prefix answers with a page saying how to make one.
 */
export async function serveWebApp(app: FastifyInstance, o: { readonly root: string | undefined; readonly prefix: string }): Promise<void> {
  if (!o.root || !existsSync(`${o.root}/index.html`)) {
    // The same routes as a build would have (the prefix and everything under it), answering how to build.
    const page = '<!doctype html><title>openpivot</title><p>The web app is not built: run <code>npm run build</code>.</p>';
    for (const url of [o.prefix, `${o.prefix}*`]) app.get(url, async (_req, reply) => reply.code(url === o.prefix ? 200 : 404).type('text/html').send(page));
    return;
  }
  await app.register(fastifyStatic, {
    root: o.root, prefix: o.prefix, index: false, wildcard: true,
    // Hashed assets never change under one name; index.html must be fetched anew after an upgrade.
    setHeaders: (res, path) => res.setHeader('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  // The app's page at the prefix itself (the plugin's own index handling does not meet the routers'
  // trailing-slash setting, under which `/console` and `/console/` are one route). Its links are relative,
  // so the form without the slash is sent on to the one with it.
  app.get(o.prefix, async (req, reply) => {
    const path = req.url.split('?')[0]!;
    if (!path.endsWith('/')) return reply.redirect(`${path}/`);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
