// The game patch every number of the compiled data comes from (data/*.json carry it as `patch`; a test
// checks the two agree). Replies say it in one line: "Game data: patch 1.16.1".

export const GAME_DATA_PATCH = '1.16.1';
