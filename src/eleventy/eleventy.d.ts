// Eleventy 3 ships no TypeScript types; this declares the part of its programmatic API we call.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: Record<string, unknown>, eleventyConfig?: unknown);
    init(): Promise<void>;
    write(): Promise<unknown>;
    toJSON(): Promise<Array<{ url: string | false; inputPath: string; outputPath: string | false; content: string }>>;
    disableLogger(): void;
  }
}
