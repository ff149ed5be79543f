/** Evaluation reports as text: metrics side by side, and confusion matrices. */
import { ClassificationReport, EvaluationReport } from "../src/io/evaluation";
import { formatCount, formatMetric, formatTable } from "./common";

function labelText(label: unknown): string {
	return tostring(label);
}

/** One metrics table with a column per report (`columns`: heading and report, all of one task). */
export function metricsTable(columns: Array<[string, EvaluationReport]>): string {
	const rows: Array<Array<string>> = [["", ...columns.map(([heading]) => heading)]];
	const first = columns[0][1];
	const add = (name: string, cell: (report: EvaluationReport) => string) => rows.push([name, ...columns.map(([, report]) => cell(report))]);
	add("rows", (r) => formatCount(r.sampleCount));
	if (first.task === "regression") {
		add("R²", (r) => (r.task === "regression" ? formatMetric(r.r2) : ""));
		add("MSE", (r) => (r.task === "regression" ? formatMetric(r.meanSquaredError) : ""));
		add("MAE", (r) => (r.task === "regression" ? formatMetric(r.meanAbsoluteError) : ""));
	} else if (first.task === "classification") {
		add("accuracy", (r) => (r.task === "classification" ? formatMetric(r.accuracy) : ""));
		const f1Name = first.f1Average === "binary" ? `F1 (positive class ${labelText(first.positiveLabel)})` : "F1 (macro average)";
		add(f1Name, (r) => (r.task === "classification" ? formatMetric(r.f1) : ""));
	} else {
		const labels = new Array<string>();
		for (const [, report] of columns) {
			if (report.task !== "clustering") continue;
			for (const [label] of report.clusterSizes) if (!labels.includes(labelText(label))) labels.push(labelText(label));
		}
		for (const label of labels) {
			add(`cluster ${label}`, (r) => {
				if (r.task !== "clustering") return "";
				const entry = r.clusterSizes.find(([l]) => labelText(l) === label);
				return entry !== undefined ? formatCount(entry[1]) : "0";
			});
		}
	}
	return formatTable(rows);
}

/** A confusion matrix with a title: rows are true classes, columns predicted ones. */
export function confusionText(title: string, report: ClassificationReport): string {
	const labels = report.confusion.labels.map(labelText);
	const rows: Array<Array<string>> = [["true \\ predicted", ...labels]];
	for (const i of $range(0, labels.size() - 1)) rows.push([labels[i], ...report.confusion.matrix[i].map((v) => formatCount(v))]);
	return `${title}\n${formatTable(rows)}`;
}
