// /item and /search through the router, as the bot and the console run them.

import { describe, expect, it } from 'vitest';
import { ComponentType, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { BUTTON_TTL_MS, PAGE_SIZE } from '../../commands/search.ts';
import { wikiUrl } from '../../src/render/itemCard.ts';
import { getItemIndex, type ItemIndex } from '../../src/items/search.ts';
import { getEffectSearch, searchItems } from '../../src/items/effectSearch.ts';
import { BRAND_COLOR, DLC_COLOR } from '../../src/render/style.ts';
import type { SelectView } from '../../src/render/types.ts';
import { clock, dm, failures, run, session } from './helpers.ts';

const index = getItemIndex() as ItemIndex;

function field(reply: Awaited<ReturnType<typeof run>>['reply'], name: string): string | undefined {
  return reply.embeds?.[0]?.fields?.find((f) => f.name === name)?.value;
}

function select(reply: Awaited<ReturnType<typeof run>>['reply']): SelectView | undefined {
  return reply.components?.find((row): row is SelectView => !Array.isArray(row));
}

describe('/item cards', () => {
  it('a weapon: attack, scaling, requirements, damage, skill, the upgrade path and its total cost', async () => {
    const { reply, body } = await run('/item name:Rivers of Blood');
    const embed = reply.embeds![0]!;
    expect(embed.title).toBe('Rivers of Blood');
    expect(embed.description).toContain('Katana');
    expect(embed.url).toBe('https://eldenring.wiki.fextralife.com/Rivers+of+Blood');
    // EquipParamWeapon 9040000: attackBasePhysics 76, attackBaseFire 76; correctStrength 10 (E),
    // correctAgility 50 (D), correctLuck 33 (D) — letters: D ≥ 25, E ≥ 1.
    expect(field(reply, 'Attack (+0)')).toBe('Phy 76 · Fire 76');
    expect(field(reply, 'Scaling (+0)')).toBe('Str E · Dex D · Arc D');
    expect(field(reply, 'Requires')).toMatch(/Str 12 · Dex 18 · Arc 20/);
    // swordArtsParamId 1177: useMagicPoint_L2 17, _R1 -1 (no follow-up), _R2 9, written as the game's menus do.
    expect(field(reply, 'Skill')).toBe('Corpse Piler · FP 17 (– 9)');
    expect(field(reply, 'Upgrade')).toMatch(/Somber.*\+10/);
    expect(embed.footer).toBe('Game data: patch 1.16.1');
    expect(reply.content).toBeUndefined();
    expect(reply.ephemeral).toBeFalsy();
    // The link button, and no "did you mean" for an exact name.
    expect(reply.components).toEqual([[{ kind: 'link', label: 'Community wiki', url: embed.url }]]);
    const row = body.data.components?.[0] as { components: unknown[] } | undefined;
    expect(row?.components[0]).toMatchObject({ type: ComponentType.Button, url: embed.url });
  });

  it('ashes of war: the skill and its FP, the affinity it gives, the classes it goes on', async () => {
    // EquipParamGem 10000 (1.16.1): swordArtsParamId 100 (useMagicPoint_L2 20, no follow-ups);
    // defaultWepAttr 1 = Heavy; configurableWepAttr00–12 all set (Standard … Occult); canMountWep_ set for
    // SwordNormal, SwordLarge, SwordGigantic, SaberNormal, SaberLarge, katana, SwordDoubleEdge, AxeNormal,
    // AxeLarge, HammerNormal, HammerLarge, Flail, AxhammerLarge, LightGreatsword, GreatKatana: 15 classes.
    const lion = (await run("/item name:Ash of War: Lion's Claw")).reply;
    expect(field(lion, 'Skill')).toBe("Lion's Claw · FP 20");
    expect(field(lion, 'Affinity')).toBe('Heavy by default; also Standard, Keen, Quality, Fire, Flame Art, Lightning, Sacred, Magic, Cold, Poison, Blood, Occult');
    expect(field(lion, 'Goes on (15 classes)')).toBe(
      'Straight Sword, Greatsword, Colossal Sword, Curved Sword, Curved Greatsword, Katana, Twinblade, Axe, Greataxe, Hammer, Great Hammer, Flail, Colossal Weapon, Light Greatsword, Great Katana',
    );
    // EquipParamGem 11400: swordArtsParamId 114 (L2 0, R1 10, R2 15); defaultWepAttr 2 = Keen; only canMountWep_katana.
    const unsheathe = (await run('/item name:Ash of War: Unsheathe')).reply;
    expect(field(unsheathe, 'Skill')).toBe('Unsheathe · FP 0 (10 15)');
    expect(field(unsheathe, 'Affinity')).toMatch(/^Keen by default; also Standard, Heavy, Quality/);
    expect(field(unsheathe, 'Goes on (1 class)')).toBe('Katana');
  });

  it('an Ash of War answers to its skill name, unless another item bears that name', async () => {
    const lion = (await run("/item name:lion's claw")).reply;
    expect(lion.embeds![0]!.title).toBe("Ash of War: Lion's Claw");
    expect(lion.content).toBeUndefined(); // an exact name, not "Closest match for …"
    expect((await run('/item name:Glintstone Pebble')).reply.embeds![0]!.description).toContain('Sorcery');
  });

  it('upgrade totals from the rune tables (Moonveil +10: 11,880; Longsword +25: 21,250)', async () => {
    expect(field((await run('/item name:Moonveil')).reply, 'Upgrade')).toContain('11,880 runes');
    expect(field((await run('/item name:Longsword')).reply, 'Upgrade')).toContain('21,250 runes');
  });

  it('armour: absorption, resistances, poise, weight', async () => {
    const { reply } = await run('/item name:bull goat helm');
    expect(reply.embeds![0]!.title).toBe('Bull-Goat Helm');
    // EquipParamProtector 140000 (1.16.1): neutralDamageCutRate 0.925 → 7.5 %, blowDamageCutRate 0.926 → 7.4 %;
    // resistPoison 31, resistBlood 35, resistSleep 20, resistCurse 23; toughnessCorrectRate 0.015 → poise 15; weight 11.3.
    expect(field(reply, 'Absorption (%)')).toMatch(/^Phy 7\.5 · Strike 7\.4 · /);
    expect(field(reply, 'Resistances')).toBe('Immunity 31 · Robustness 35 · Focus 20 · Vitality 23');
    expect(field(reply, 'Poise')).toBe('15');
    expect(field(reply, 'Weight')).toBe('11.3');
  });

  it('patch 1.16.1 numbers: Zamor Curved Sword shows its 1.16.1 base attack, 130 (EquipParamWeapon 8050000; 125 in 1.10)', async () => {
    const { reply } = await run('/item name:Zamor Curved Sword');
    expect(field(reply, 'Attack (+0)')).toBe('Phy 130');
    expect(reply.embeds![0]!.footer).toBe('Game data: patch 1.16.1');
  });

  it('a DLC item sold by a merchant shows merchant and price; its sell value too', async () => {
    const { reply } = await run('/item name:Spellproof Pickled Liver');
    expect(field(reply, 'Where to buy')).toBe('Moore: 4,000 runes, 2 in stock'); // ShopLineupParam 102260
    expect(field(reply, 'Sells for')).toBe('200 runes'); // EquipParamGoods 2001120 sellValue
  });

  it('spells: FP, slots, requirements', async () => {
    const { reply } = await run('/item name:Comet Azur');
    // Magic 4200 (1.16.1): mp 40, slotLength 3, requirementIntellect 60.
    expect(field(reply, 'FP')).toBe('40');
    expect(field(reply, 'Slots')).toBe('3');
    expect(field(reply, 'Requires')).toBe('Int 60');
  });

  it('talismans: the effect and weight; spirit ashes: the summon cost', async () => {
    const scarab = (await run('/item name:gold scarab')).reply;
    expect(scarab.embeds![0]!.description).toMatch(/Runes .*\+20%/);
    expect(field(scarab, 'Weight')).toBeDefined();
    expect(field((await run('/item name:Mimic Tear Ashes')).reply, 'Summon cost')).toMatch(/\d+ (HP|FP)/);
    expect(field((await run('/item name:Lone Wolf Ashes')).reply, 'Summon cost')).toMatch(/\d+ FP/);
  });

  it('rune items: the runes gained, said once (mechanics.md §4: Golden Rune [13] 10,000, Lord\'s Rune 50,000)', async () => {
    for (const [name, runes] of [['golden rune 13', '10,000'], ["Lord's Rune", '50,000']] as const) {
      const embed = (await run(`/item name:${name}`)).reply.embeds![0]!;
      const shown = [embed.description, ...(embed.fields ?? []).map((f) => `${f.name} ${f.value}`)].join('\n');
      expect(shown.split(runes).length - 1, name).toBe(1);
      // "Consume for 10,000 runes." in the effect line, so no "Runes gained: 10,000" beside it
      if (embed.description?.includes(runes)) expect(field((await run(`/item name:${name}`)).reply, 'Runes gained'), name).toBeUndefined();
    }
    // A remembrance has no effect line: the field says it.
    expect(field((await run('/item name:Remembrance of the Grafted')).reply, 'Runes gained')).toBe('**20,000**');
  });

  it('Gold-Pickled Fowl Foot: its effect and where to buy it', async () => {
    const { reply } = await run('/item name:gold pickled fowl foot');
    expect(reply.embeds![0]!.title).toBe('Gold-Pickled Fowl Foot');
    expect(reply.embeds![0]!.description).toMatch(/[Rr]unes/);
    expect(field(reply, 'Where to buy')).toMatch(/Patches: 600 runes/);
  });

  it('DLC items carry the badge and colour', async () => {
    const dlc = index.items.find((i) => i.dlc && i.category === 'weapon')!;
    const { reply } = await run(`/item name:${dlc.name}`);
    expect(reply.embeds![0]!.description).toContain('Shadow of the Erdtree');
    expect(reply.embeds![0]!.color).toBe(DLC_COLOR);
    expect((await run('/item name:Moonveil')).reply.embeds![0]!.color).toBe(BRAND_COLOR);
  });

  it('builds wiki links safely', () => {
    expect(wikiUrl("Ash of War: Lion's Claw")).toBe("https://eldenring.wiki.fextralife.com/Ash+of+War%3A+Lion's+Claw");
    expect(wikiUrl('Golden Rune [5]')).toBe('https://eldenring.wiki.fextralife.com/Golden+Rune+%5B5%5D');
    expect(wikiUrl('Miséricorde')).toBe('https://eldenring.wiki.fextralife.com/Mis%C3%A9ricorde');
    expect(wikiUrl('../../evil?x=1#y z')).toBe('https://eldenring.wiki.fextralife.com/..%2F..%2Fevil%3Fx%3D1%23y+z');
    for (const item of index.items) expect(() => new URL(wikiUrl(item.name))).not.toThrow();
  });
});

describe('/item when the name is not exact', () => {
  it('shows the best match with a "did you mean" select, and picking one updates the card', async () => {
    const { reply } = await run('/item name:mimic');
    expect(reply.content).toMatch(/Closest match for “mimic”/);
    expect(reply.embeds![0]!.title).toBe('Mimic Tear Ashes');
    const menu = select(reply)!;
    expect(menu.customId).toBe('item:pick:-:mimic');
    expect(menu.options.length).toBeGreaterThan(0);
    expect(menu.options.length).toBeLessThanOrEqual(25);
    const veil = menu.options.find((o) => o.label.startsWith("Mimic's Veil"))!;
    const picked = await session.run(`press ${menu.customId} ${veil.value}`);
    expect(picked.kind).toBe('reply');
    if (picked.kind !== 'reply') return;
    expect(picked.body.type).toBe(InteractionResponseType.UpdateMessage);
    expect(picked.reply.embeds![0]!.title).toBe("Mimic's Veil");
    // The menu now offers the others, the first match included.
    expect(select(picked.reply)!.options.map((o) => o.label)).toContain('Mimic Tear Ashes · Renowned Spirit Ash');
  });

  it('items sharing a name offer each other', async () => {
    const { reply } = await run('/item name:Beast Claw');
    expect(reply.content).toBeUndefined();
    expect(select(reply)!.options).toHaveLength(1);
    const incantation = await run('/item name:Beast Claw category:incantation');
    expect(incantation.reply.embeds![0]!.description).toContain('Incantation');
  });

  it('typos land on the right item', async () => {
    expect((await run('/item name:blashpemous blade')).reply.embeds![0]!.title).toBe('Blasphemous Blade');
    expect((await run('/item name:moonvale')).reply.embeds![0]!.title).toBe('Moonveil');
  });

  it('nothing found: a private message with the closest names', async () => {
    const { reply, body } = await run('/item name:zzzzqx');
    expect(reply.ephemeral).toBe(true);
    expect(body.data.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(reply.content).toMatch(/No item matches “zzzzqx”/);
    const filtered = await run('/item name:zzzzqx category:talisman');
    expect(filtered.reply.ephemeral).toBe(true);
    expect(filtered.reply.content).toMatch(/among talisman items/);
    const suggested = await run('/item name:xqz moonvail qqq zzkk');
    expect(suggested.reply.ephemeral).toBe(true);
    expect(suggested.reply.content).toMatch(/Closest names: \*\*Moonveil\*\*/);
    // A category filter is honoured even when the name is another kind's exact name.
    expect((await run('/item name:Rivers of Blood category:talisman')).reply.embeds?.[0]?.title).not.toBe('Rivers of Blood');
  });

  it('user text is escaped, never pinging or formatting', async () => {
    const { reply } = await run('/item name:**@everyone** <@123456789012345678> moonvail');
    const text = JSON.stringify(reply);
    expect(text).not.toContain('@everyone');
    expect(text).not.toMatch(/<@123456789012345678>/);
  });

  it('rejects an unknown category with the list', async () => {
    const { reply } = await run('/item name:moonveil category:vehicles');
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/category/);
  });

  it('a stale or forged menu answers privately', async () => {
    for (const line of ['press item:pick:-:mimic nope:1', 'press item:pick', 'press item:other:1 x', 'press item:pick:99:mimic weapon:9040000']) {
      const result = await session.run(line);
      expect(result.kind).toBe('reply');
    }
    expect(failures()).toEqual([]);
  });
});

describe('/search', () => {
  it('pages through matches 10 at a time with Previous/Next, updating the message', async () => {
    const { reply } = await run('/search query:runes');
    const all = searchItems(index, getEffectSearch(), 'runes');
    expect(all.length).toBeGreaterThan(PAGE_SIZE);
    const lines = reply.embeds![0]!.description!.split('\n').filter((l) => /^\*\*\d+\.\*\*/.test(l));
    expect(lines).toHaveLength(PAGE_SIZE);
    expect(reply.embeds![0]!.description).toContain('Gold Scarab');
    expect(reply.embeds![0]!.footer).toMatch(new RegExp(`Page 1 of ${Math.ceil(all.length / PAGE_SIZE)}`));
    const [prev, next] = reply.components![0] as { kind: 'button'; customId: string; disabled?: boolean }[];
    expect(prev!.disabled).toBe(true);
    expect(next!.disabled).toBe(false);
    expect(next!.customId.length).toBeLessThanOrEqual(100);
    const page2 = await session.run(`press ${next!.customId}`);
    if (page2.kind !== 'reply') throw new Error('no reply');
    expect(page2.body.type).toBe(InteractionResponseType.UpdateMessage);
    expect(page2.reply.embeds![0]!.footer).toMatch(/Page 2 of/);
    expect(page2.reply.embeds![0]!.description).toMatch(/^\*\*11\.\*\*/);
    const back = (page2.reply.components![0] as { customId: string }[])[0]!;
    const page1 = await session.run(`press ${back.customId}`);
    if (page1.kind !== 'reply') throw new Error('no reply');
    expect(page1.reply.embeds![0]!.footer).toMatch(/Page 1 of/);
  });

  it('buttons stop after a few minutes, say so, and are shown disabled', async () => {
    const { reply } = await run('/search query:runes');
    const next = (reply.components![0] as { customId: string }[])[1]!;
    const saved = clock.now;
    clock.now = new Date(saved.getTime() + BUTTON_TTL_MS + 1000);
    try {
      const late = await session.run(`press ${next.customId}`);
      if (late.kind !== 'reply') throw new Error('no reply');
      expect(late.body.type).toBe(InteractionResponseType.UpdateMessage);
      expect(late.reply.content).toMatch(/expired/);
      expect(late.reply.embeds![0]!.footer).toMatch(/Page 1 of/);
      for (const button of late.reply.components![0] as { disabled?: boolean }[]) expect(button.disabled).toBe(true);
    } finally {
      clock.now = saved;
    }
  });

  it('filters by category and DLC, and keeps them across pages', async () => {
    const { reply } = await run('/search query:sword dlc:true');
    expect(reply.embeds![0]!.title).toMatch(/Shadow of the Erdtree only/);
    expect(reply.embeds![0]!.description).not.toMatch(/^\*\*\d+\.\*\* [^\n]* · (?!.*DLC)/m);
    const next = (reply.components?.[0] as { customId: string }[] | undefined)?.[1];
    if (next) {
      const page = await session.run(`press ${next.customId}`);
      if (page.kind === 'reply') expect(page.reply.embeds![0]!.title).toMatch(/Shadow of the Erdtree only/);
    }
    const talismans = await run('/search query:runes category:talisman');
    expect(talismans.reply.embeds![0]!.description).toContain('Gold Scarab');
    expect(talismans.reply.embeds![0]!.description).not.toContain('Golden Rune');
  });

  it('no match: a private message; forged buttons: a private message', async () => {
    const none = await run('/search query:zzzzqx');
    expect(none.reply.ephemeral).toBe(true);
    const blank = await run('/search query:!!!');
    expect(blank.reply.ephemeral).toBe(true);
    for (const id of ['search:x', 'search:n', 'search:n:abc:zz:-:-:runes', 'search:n:5:0:-:-:runes', 'search:p:0:zzzzzz:y:99:']) {
      const result = await session.run(`press ${id}`);
      expect(result.kind).toBe('reply');
    }
    expect(failures()).toEqual([]);
  });
});

describe('plain-text DMs', () => {
  it('an item name gets its card', async () => {
    const reply = await dm('rivers of blood');
    expect(reply.embeds?.[0]?.title).toBe('Rivers of Blood');
    expect(reply.ephemeral).toBeFalsy();
  });

  it('a near name gets the did-you-mean card', async () => {
    const reply = await dm('moonvale');
    expect(reply.embeds?.[0]?.title).toBe('Moonveil');
    expect(reply.content).toMatch(/Closest match/);
  });

  it('conversation is left to the router\'s help', async () => {
    for (const text of ['hi', 'hello there', 'thanks', 'help', 'what is the best build for a dex character?', 'https://example.com', '<@123456789012345678>', 'ok']) {
      const reply = await dm(text);
      expect(reply.embeds?.length ?? 0, text).toBe(0);
      expect(reply.content, text).toContain('/help');
    }
  });
});
