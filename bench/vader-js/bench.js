// Texts per second of vader-sentiment's polarity_scores on bench/texts, on whatever cores node is given
// (run it under `taskset -c 0` to match the one-core .NET benchmark).
const fs = require('fs');
const path = require('path');
const vader = require('vader-sentiment');

const minimumSeconds = 3;

function load(name) {
  return fs.readFileSync(path.join(__dirname, '..', 'texts', name), 'utf8').split('\n').filter((line) => line.length > 0);
}

function textsPerSecond(texts) {
  let sink = 0;
  for (let i = 0; i < 200; i++) for (const text of texts) sink += vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
  let analyzed = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minimumSeconds) {
    for (const text of texts) sink += vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
    analyzed += texts.length;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  if (Number.isNaN(sink)) throw new Error('unexpected NaN');
  return analyzed / elapsed;
}

for (const [name, file] of [['tweets', 'tweets.txt'], ['linkedin', 'linkedin.txt']]) {
  const rate = textsPerSecond(load(file));
  console.log(`vader-sentiment ${name}: ${Math.round(rate)} texts/s`);
}
