#!/usr/bin/env node
// `node bin/hivemind.js ...` in a clone of the repository: the command line tool lives in the
// workspace package cli/ (@hivemind-ml/cli, `npx hivemind`); this runs it.
"use strict";
require("../cli/bin/hivemind.js");
