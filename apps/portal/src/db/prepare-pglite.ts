import { baseTemplatePath, writeBaseTemplate } from './pglite-template';

// postinstall: prepare the empty-cluster dump so the first start skips initdb. Failing here costs only time.
const started = performance.now();
writeBaseTemplate()
  .then(() =>
    console.log(
      `tereze: embedded database template ready (${Math.round(performance.now() - started)} ms): ${baseTemplatePath}`,
    ),
  )
  .catch((err) =>
    console.warn(
      `tereze: embedded database template not prepared (${err?.message ?? err}); the first start will run initdb`,
    ),
  );
