// Texts per second of vader-sentiment's polarity_scores on bench/texts, on one thread. Prints the best and the median
// of several one-second rounds: on a shared machine the best round is the closest to the uncontended speed.
const fs = require('fs');
const path = require('path');
const vader = require('vader-sentiment');

const rounds = 7;
const roundSeconds = 1;

function load(name) {
  return fs.readFileSync(path.join(__dirname, '..', 'texts', name), 'utf8').split('\n').filter((line) => line.length > 0);
}

function round(texts) {
  let sink = 0;
  let analyzed = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < roundSeconds) {
    for (const text of texts) sink += vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
    analyzed += texts.length;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  if (Number.isNaN(sink)) throw new Error('unexpected NaN');
  return analyzed / elapsed;
}

for (const [name, file] of [['tweets', 'tweets.txt'], ['linkedin', 'linkedin.txt']]) {
  const texts = load(file);
  round(texts);
  const rates = Array.from({length: rounds}, () => round(texts)).sort((a, b) => a - b);
  const best = Math.round(rates[rates.length - 1]);
  const median = Math.round(rates[Math.floor(rates.length / 2)]);
  console.log(`vader-sentiment ${name}: best ${best} texts/s, median ${median} texts/s`);
}
