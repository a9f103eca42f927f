import type { Command } from "commander";
import { seg } from "../client.js";
import { contextOf } from "../context.js";
import { list } from "../parse.js";
import { out, printFields, printJson, printTable } from "../format.js";

export interface Zone {
  id: string;
  name: string;
  description: string | null;
  countries: string[];
  plmns: string[];
  createdAt: string;
  updatedAt: string;
}

interface ZoneOptions {
  name?: string;
  description?: string;
  countries?: string[];
  plmns?: string[];
}

/** The body of a zone request from the flags given; Otter validates every value. */
function zoneBody(opts: ZoneOptions, clearing = false) {
  return {
    ...(opts.name !== undefined && { name: opts.name }),
    // An empty description is none (on an update: clears it).
    ...(opts.description !== undefined && {
      description: opts.description || (clearing ? null : undefined),
    }),
    ...(opts.countries && { countries: opts.countries }),
    ...(opts.plmns && { plmns: opts.plmns }),
  };
}

function printZone(z: Zone) {
  printFields([
    ["Zone", z.name],
    ["Id", z.id],
    ["Description", z.description],
    ["Countries", z.countries],
    ["Networks", z.plmns],
    ["Updated", z.updatedAt],
  ]);
}

export function registerZones(program: Command) {
  const zones = program
    .command("zones")
    .description("Named sets of countries and networks, used by plans (docs/catalog.md).");

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
          { header: "DESCRIPTION", value: (z) => z.description },
        ],
        "No zones.",
      );
    });

  zones
    .command("get")
    .description("One zone by name or id.")
    .argument("<zone>", "the zone's name or id")
    .action(async (ref: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const z = await ctx.client.get<Zone>(`/api/v1/zones/${seg(ref)}`);
      if (ctx.json) return printJson(z);
      printZone(z);
    });

  zones
    .command("create")
    .description("Create a zone: the countries (and optionally the networks) it covers.")
    .argument("<name>", 'a unique name, e.g. "East Africa"')
    .requiredOption(
      "--countries <codes>",
      "ISO 3166 country codes, comma-separated: KE,TZ,UG",
      list,
    )
    .option(
      "--plmns <mccmncs>",
      "only these networks (MCC+MNC), comma-separated: 63902,64002",
      list,
    )
    .option("--description <text>", "what the zone is for")
    .action(async (name: string, opts: ZoneOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      const z = await ctx.client.post<Zone>("/api/v1/zones", zoneBody({ ...opts, name }));
      if (ctx.json) return printJson(z);
      out(`Created zone ${z.name} (${z.id}).`);
    });

  zones
    .command("update")
    .description("Change a zone; a list given replaces the zone's list.")
    .argument("<zone>", "the zone's name or id")
    .option("--name <name>", "a new name")
    .option("--countries <codes>", "the countries, comma-separated (replaces them)", list)
    .option("--plmns <mccmncs>", 'the networks, comma-separated (replaces them; "" for none)', list)
    .option("--description <text>", 'what the zone is for ("" clears it)')
    .action(async (ref: string, opts: ZoneOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      const z = await ctx.client.patch<Zone>(`/api/v1/zones/${seg(ref)}`, zoneBody(opts, true));
      if (ctx.json) return printJson(z);
      out(`Updated zone ${z.name} (${z.id}).`);
    });

  zones
    .command("delete")
    .description("Delete a zone that no plan uses.")
    .argument("<zone>", "the zone's name or id")
    .action(async (ref: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      await ctx.client.delete(`/api/v1/zones/${seg(ref)}`);
      if (ctx.json) return printJson({ deleted: ref });
      out(`Deleted zone ${ref}.`);
    });
}
