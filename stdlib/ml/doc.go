// Package ml is the `ml` module, answering to scikit-learn's names
// (`import sklearn`, `from sklearn.cluster import KMeans`, ... or
// `import ml` for everything): the workflow a scientist runs after a
// simulation or an experiment.
//
//   - Data: load_iris, load_digits, load_wine, load_breast_cancer (UCI data
//     embedded from data/, attribution in data/README.md) returning a Bunch
//     or (X, y); make_blobs, make_classification, make_regression,
//     make_moons (seeded); read_csv into a Table (named numeric and
//     categorical columns, missing values, t['a'], t[['a', 'b']],
//     describe(), to_codes(), get_dummies); train_test_split, StandardScaler,
//     MinMaxScaler, SimpleImputer; OneHotEncoder, OrdinalEncoder and
//     LabelEncoder on strings, numbers and None (dense output only:
//     OneHotEncoder's sparse_output defaults to False, and True is an
//     error).
//   - Estimators (objects with fit/predict/predict_proba/transform/
//     fit_transform/score, parameters as attributes, fitted attributes with a
//     trailing underscore): KMeans (k-means++, Lloyd with GEMM distances or
//     Elkan), MiniBatchKMeans, LogisticRegression (l2, l1, elasticnet or
//     no penalty; lbfgs, liblinear, sag, saga; multinomial or
//     one-vs-rest; decision_function), LinearRegression, Ridge,
//     RidgeClassifier, KNeighborsClassifier/Regressor, PCA (full, Gram or
//     randomized SVD; score as probabilistic PCA), GaussianNB
//     (partial_fit), TSNE (Barnes–Hut and exact), RandomForestClassifier,
//     DecisionTreeClassifier. fit(X, y, sample_weight=...) weighs each
//     sample's loss term (integer weights fit as repeated rows) for
//     LinearRegression, Ridge, RidgeClassifier, LogisticRegression (every
//     solver, times class_weight), GaussianNB (also partial_fit), KMeans,
//     MiniBatchKMeans and the trees and forests; the other estimators
//     refuse sample_weight, naming themselves, instead of ignoring it.
//   - Networks: MLP(layers, activation) with SGD (momentum, Nesterov),
//     Adam and AdamW, cross-entropy and MSE, gradient accumulation and
//     early stopping; MLPClassifier/MLPRegressor with scikit-learn's
//     arguments; schedules StepLR, CosineAnnealing, OneCycle as plain
//     functions of the step.
//   - Model selection and metrics: KFold, StratifiedKFold (scikit-learn's
//     fold assignment), cross_val_score, GridSearchCV, Pipeline and
//     make_pipeline (fit parameters as step__param); ColumnTransformer and
//     make_column_transformer (sklearn.compose: columns by index, name,
//     mask, slice or callable; remainder; get_feature_names_out, which
//     the scalers, SimpleImputer, PCA and KMeans also have; dense output); accuracy, precision/recall/F1, confusion matrix, ROC
//     AUC, MSE, MAE, R², pairwise_distances.
//
// Matrix products go through a packed AVX2/FMA kernel where the CPU has one
// (gonum's BLAS otherwise).
package ml
