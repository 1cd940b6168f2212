// The package.json of a scaffolded package. The SDK and zod are peer dependencies: the node
// types run inside Afterglow, against its SDK and its zod (a config schema crosses from one to
// the other, so there must be one zod), and devDependencies for building and testing alone.
// The versions are those Afterglow is built and tested with; a test keeps them in step.

export const versions = {
  sdk: '^1.0.0',
  zodPeer: '^4.1.0',
  zod: '^4.1.13',
  typescript: '^5.9.3',
  typesNode: '^20.19.23',
};

export function packageJson(name: string) {
  return {
    name,
    version: '0.1.0',
    description: 'Node types for Afterglow journeys',
    keywords: ['afterglow', 'afterglow-plugin'],
    type: 'module',
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
    // Tests are compiled beside the code (node --test runs them from dist/) but not published.
    files: ['dist', '!dist/**/*.test.*'],
    scripts: {
      build: 'tsc',
      test: 'tsc && cd dist && node --test',
      prepack: 'npm run build',
    },
    engines: { node: '>=20.19' },
    peerDependencies: { '@afterglow/node-sdk': versions.sdk, zod: versions.zodPeer },
    devDependencies: {
      '@afterglow/node-sdk': versions.sdk,
      '@types/node': versions.typesNode,
      typescript: versions.typescript,
      zod: versions.zod,
    },
  };
}
