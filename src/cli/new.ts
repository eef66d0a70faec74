/**
 * `npm run new -- "Headline of the story" --section "Middle East" [options]`: starts a draft
 * article (src/cli/new-story.ts) in the folder the command runs in.
 */
import { processIo } from "./command-io.ts";
import { newStory } from "./new-story.ts";

process.exitCode = await newStory(process.argv.slice(2), processIo());
