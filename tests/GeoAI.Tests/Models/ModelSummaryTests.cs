using GeoAI.Models;

namespace GeoAI.Tests.Models;

/// <summary>The summary against the two torchsummary tables printed in the chapter, copied here verbatim.</summary>
[Collection(VggCollection.Name)]
public class ModelSummaryTests(FrozenVggFixture vgg)
{
    // geoai-eurosat-chapter.txt, "summary(Net(), (3,64,64),device='cpu')".
    private const string ChapterCnnTable = """
----------------------------------------------------------------
        Layer (type)               Output Shape         Param #
================================================================
            Conv2d-1            [-1, 6, 60, 60]             456
         MaxPool2d-2            [-1, 6, 30, 30]               0
            Conv2d-3           [-1, 16, 26, 26]           2,416
         MaxPool2d-4           [-1, 16, 13, 13]               0
            Linear-5                  [-1, 120]         324,600
            Linear-6                   [-1, 84]          10,164
            Linear-7                   [-1, 10]             850
================================================================
Total params: 338,486
Trainable params: 338,486
Non-trainable params: 0
----------------------------------------------------------------
Input size (MB): 0.05
Forward/backward pass size (MB): 0.31
Params size (MB): 1.29
Estimated Total Size (MB): 1.65
----------------------------------------------------------------

""";

    // geoai-eurosat-chapter.txt, "summary(vgg11_bn, (3,64,64),device='cpu')" after freezing and replacing classifier[6].
    private const string ChapterVggTable = """
----------------------------------------------------------------
        Layer (type)               Output Shape         Param #
================================================================
            Conv2d-1           [-1, 64, 64, 64]           1,792
       BatchNorm2d-2           [-1, 64, 64, 64]             128
              ReLU-3           [-1, 64, 64, 64]               0
         MaxPool2d-4           [-1, 64, 32, 32]               0
            Conv2d-5          [-1, 128, 32, 32]          73,856
       BatchNorm2d-6          [-1, 128, 32, 32]             256
              ReLU-7          [-1, 128, 32, 32]               0
         MaxPool2d-8          [-1, 128, 16, 16]               0
            Conv2d-9          [-1, 256, 16, 16]         295,168
      BatchNorm2d-10          [-1, 256, 16, 16]             512
             ReLU-11          [-1, 256, 16, 16]               0
           Conv2d-12          [-1, 256, 16, 16]         590,080
      BatchNorm2d-13          [-1, 256, 16, 16]             512
             ReLU-14          [-1, 256, 16, 16]               0
        MaxPool2d-15            [-1, 256, 8, 8]               0
           Conv2d-16            [-1, 512, 8, 8]       1,180,160
      BatchNorm2d-17            [-1, 512, 8, 8]           1,024
             ReLU-18            [-1, 512, 8, 8]               0
           Conv2d-19            [-1, 512, 8, 8]       2,359,808
      BatchNorm2d-20            [-1, 512, 8, 8]           1,024
             ReLU-21            [-1, 512, 8, 8]               0
        MaxPool2d-22            [-1, 512, 4, 4]               0
           Conv2d-23            [-1, 512, 4, 4]       2,359,808
      BatchNorm2d-24            [-1, 512, 4, 4]           1,024
             ReLU-25            [-1, 512, 4, 4]               0
           Conv2d-26            [-1, 512, 4, 4]       2,359,808
      BatchNorm2d-27            [-1, 512, 4, 4]           1,024
             ReLU-28            [-1, 512, 4, 4]               0
        MaxPool2d-29            [-1, 512, 2, 2]               0
AdaptiveAvgPool2d-30            [-1, 512, 7, 7]               0
           Linear-31                 [-1, 4096]     102,764,544
             ReLU-32                 [-1, 4096]               0
          Dropout-33                 [-1, 4096]               0
           Linear-34                 [-1, 4096]      16,781,312
             ReLU-35                 [-1, 4096]               0
          Dropout-36                 [-1, 4096]               0
           Linear-37                   [-1, 10]          40,970
================================================================
Total params: 128,812,810
Trainable params: 40,970
Non-trainable params: 128,771,840
----------------------------------------------------------------
Input size (MB): 0.05
Forward/backward pass size (MB): 15.21
Params size (MB): 491.38
Estimated Total Size (MB): 506.64
----------------------------------------------------------------

""";

    [Fact]
    public void TheCnnTableIsTheChapters()
    {
        using var model = CnnSpec.Instance.Create(10, TrainingMode.Full, seed: 1);

        var summary = ModelSummary.Of(model, CnnSpec.Instance.InputShape);

        Assert.Equal(ChapterCnnTable, summary.ToText());
        Assert.Equal(7, summary.Rows.Count);
        // The one pool module, called twice, gives two rows; the functional ReLUs give none.
        Assert.Equal("MaxPool2d-4", summary.Rows[3].Layer);
        Assert.Equal(new long[] { -1, 16, 13, 13 }, summary.Rows[3].OutputShape);
        Assert.Null(summary.Rows[3].Trainable);
        Assert.Equal(338_486, summary.TotalParameters);
        Assert.Equal(0, summary.NonTrainableParameters);
    }

    [Fact]
    public void TheFrozenVggTableIsTheChapters()
    {
        var summary = ModelSummary.Of(vgg.Model, Vgg11BnSpec.Instance.InputShape);

        Assert.Equal(ChapterVggTable, summary.ToText());
        Assert.Equal(37, summary.Rows.Count);
        Assert.Equal(40_970, summary.TrainableParameters);
        Assert.Equal(128_771_840, summary.NonTrainableParameters);
    }

    [Fact]
    public void SummarisingLeavesTheModelAsItWas()
    {
        var model = vgg.Model;
        var batches = model.state_dict()["features.1.num_batches_tracked"].item<long>();

        ModelSummary.Of(model, Vgg11BnSpec.Instance.InputShape);

        Assert.Equal(batches, model.state_dict()["features.1.num_batches_tracked"].item<long>());
        Assert.True(model.training);
        Assert.All(model.modules(), module => Assert.True(module.training));
    }

    [Fact]
    public void SizesAreComputedAsTorchsummaryDoes()
    {
        using var model = CnnSpec.Instance.Create(10, TrainingMode.Full, seed: 1);

        var summary = ModelSummary.Of(model, CnnSpec.Instance.InputShape);

        const double mb = 1024.0 * 1024.0;
        Assert.Equal(3 * 64 * 64 * 4 / mb, summary.InputSizeMb);
        // Outputs per image: 6·60·60 + 6·30·30 + 16·26·26 + 16·13·13 + 120 + 84 + 10 = 40,734; twice for gradients.
        Assert.Equal(2.0 * 40_734 * 4 / mb, summary.ForwardBackwardSizeMb);
        Assert.Equal(338_486 * 4 / mb, summary.ParametersSizeMb);
        // (49,152 + 325,872 + 1,353,944) bytes = 1,728,968 bytes: the chapter's "Estimated Total Size (MB): 1.65".
        Assert.Equal(1_728_968 / mb, summary.EstimatedTotalSizeMb, 12);
    }
}
