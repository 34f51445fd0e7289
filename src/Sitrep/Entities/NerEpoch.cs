namespace Sitrep.Entities;

/// <summary>One training epoch's report: mistakes on the training data, and the held-out score of the averaged model.</summary>
public sealed record NerEpoch(int Epoch, double TrainTokenAccuracy, NerScore? Dev, TimeSpan Elapsed);
