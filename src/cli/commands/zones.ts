import type { Command } from "commander";
import { contextOf } from "../context.js";
import { printJson, printTable } from "../format.js";

export interface Zone {
  id: string;
  name: string;
  countries: string[];
  plmns: string[];
}

export function registerZones(program: Command) {
  const zones = program
    .command("zones")
    .description("Named sets of countries and networks, used by plans.");

  zones
    .command("list")
    .description("Every zone.")
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const res = await ctx.client.get<{ items: Zone[] }>("/api/v1/zones");
      if (ctx.json) return printJson(res);
      printTable(
        res.items,
        [
          { header: "NAME", value: (z) => z.name },
          { header: "COUNTRIES", value: (z) => z.countries },
          { header: "NETWORKS", value: (z) => z.plmns },
          { header: "ID", value: (z) => z.id },
        ],
        "No zones.",
      );
    });
}
