// Baseline for bench/start.ts: the smallest discord.js bot that answers interactions, with the same
// intents, partials and REST base as the real one. Plain JavaScript run by node (nothing to compile).
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';

const client = new Client({
  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
  partials: [Partials.Channel],
  rest: { api: process.env.DISCORD_API_BASE },
});
client.on(Events.InteractionCreate, (interaction) => {
  const answer = interaction.isAutocomplete() ? interaction.respond([{ name: 'echo', value: 'echo' }]) : interaction.isRepliable() ? interaction.reply({ content: 'echo' }) : undefined;
  answer?.catch(() => undefined);
});
client.once(Events.ClientReady, () => process.stdout.write('{"msg":"connected to Discord"}\n'));
process.once('SIGTERM', () => {
  void client.destroy().then(() => process.exit(0));
});
await client.login(process.env.DISCORD_TOKEN);
