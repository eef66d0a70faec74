/** A page of the built site: where it goes and how to render it (lazily, when Eleventy writes it). */
export interface Page {
  /** Path under the output folder, e.g. "middle-east/al-sharaa-moscow/index.html". */
  readonly outputPath: string;
  render(): string | Promise<string>;
}
