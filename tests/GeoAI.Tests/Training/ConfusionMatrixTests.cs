using GeoAI.Training;

namespace GeoAI.Tests.Training;

/// <summary>Counts and ratios of a three-class matrix worked out by hand.</summary>
public class ConfusionMatrixTests
{
    // Rows are the true class, columns the prediction:
    //   truth 0: 5 right, 1 taken for class 1, 0 for class 2
    //   truth 1: 2 taken for class 0, 3 right, 0 for class 2
    //   truth 2: none at all
    private static readonly long[] Flat = [5, 1, 0, 2, 3, 0, 0, 0, 0];

    [Fact]
    public void FlatCountsLandInTheirCellsRowByRow()
    {
        var matrix = new ConfusionMatrix(3);
        matrix.AddFlat(Flat);

        Assert.Equal(3, matrix.Classes);
        Assert.Equal(11, matrix.Total);
        Assert.Equal(1, matrix[0, 1]);
        Assert.Equal(2, matrix[1, 0]);
        Assert.Equal([[5L, 1, 0], [2L, 3, 0], [0L, 0, 0]], matrix.ToRows());
    }

    [Fact]
    public void AccuracyPrecisionAndRecallAreTheHandWorkedRatios()
    {
        var matrix = new ConfusionMatrix(3);
        matrix.AddFlat(Flat);

        Assert.Equal(8.0 / 11, matrix.Accuracy, 15); // 5 + 3 right of 11
        Assert.Equal(5.0 / 7, matrix.Precision(0), 15); // predicted 0: 5 right, 2 of class 1
        Assert.Equal(3.0 / 4, matrix.Precision(1), 15); // predicted 1: 3 right, 1 of class 0
        Assert.Equal(5.0 / 6, matrix.Recall(0), 15);
        Assert.Equal(3.0 / 5, matrix.Recall(1), 15);
        Assert.True(double.IsNaN(matrix.Precision(2)), "nothing was predicted as class 2");
        Assert.True(double.IsNaN(matrix.Recall(2)), "class 2 has no samples");
    }

    [Fact]
    public void PassesAddUp()
    {
        var matrix = new ConfusionMatrix(3);
        matrix.AddFlat(Flat);
        matrix.AddFlat([0, 0, 0, 0, 1, 0, 4, 0, 2]);

        Assert.Equal([[5L, 1, 0], [2L, 4, 0], [4L, 0, 2]], matrix.ToRows());
        Assert.Equal(18, matrix.Total);
        Assert.Equal(11.0 / 18, matrix.Accuracy, 15);
        Assert.Equal(2.0 / 6, matrix.Recall(2), 15);
    }

    [Fact]
    public void AnEmptyMatrixHasZeroAccuracyAndACountOfTheWrongLengthIsRefused()
    {
        var matrix = new ConfusionMatrix(2);

        Assert.Equal(0, matrix.Accuracy);
        Assert.Equal("expected 4 counts, got 3 (Parameter 'flat')",
            Assert.Throws<ArgumentException>(() => matrix.AddFlat([1, 2, 3])).Message);
        Assert.Equal(0, matrix.Total);
    }
}
