namespace Sitrep.Entities;

/// <summary>
/// How the perceptron is trained. The seed fixes the shuffling, so the same data and options give the
/// same model byte for byte. Features whose averaged weights all stay below <see cref="MinWeight"/> in
/// magnitude are dropped from the saved model: they change almost no decision and make most of its size.
/// </summary>
/// <see cref="Beam"/> is the width of the beam search used while training (1: greedy, updating every
/// wrong token; more: early-update structured perceptron), which the tagger should then decode with.
/// <see cref="Bilou"/> makes the model learn BILOU tags instead of IOB2 (dev F1 a little higher and much
/// steadier across shuffling seeds; see resources/ner/NOTE.md); the tagger answers in IOB2 either way.
public sealed record NerTrainingOptions(int Epochs = 10, int Seed = 20030, float MinWeight = 0.05f, int Beam = BeamDecoder.DefaultWidth, int Runs = 1, float WordDropout = 0, bool Bilou = false);
