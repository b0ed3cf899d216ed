/** The ceiling: a bare Fastify hello-world on this machine, measured in the same run as the platform. */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
// A second ceiling: the same bytes as a cached response of the platform, handed over by the bench.
let page: Buffer = Buffer.from('{}');
app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
  done(null, body),
);
app.put('/page', async (request) => {
  page = request.body as Buffer;
  return { bytes: page.length };
});
app.get('/page', async (_request, reply) => reply.type('application/json; charset=utf-8').send(page));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('ready');
