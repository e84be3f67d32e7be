// SPDX-License-Identifier: GPL-3.0-or-later
#include "ThroughputChart.h"

#include "storage/Sql.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cmath>

namespace Gui {

ThroughputChart::ThroughputChart(std::shared_ptr<Storage::Database> db, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_view(new QChartView(this))
{
    setObjectName(QStringLiteral("throughputChart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, &ThroughputChart::refresh);
    // Often enough that a fresh start (or the demo) sees its first deliveries appear.
    timer->start(10'000);
    refresh();
}

QList<int> ThroughputChart::perHour(Storage::Database &db, const QString &state,
                                    const QList<qint64> &boundaries)
{
    // JobRepo has no per-hour count yet; this is one indexed range count per hour on jobs_settled.
    QList<int> counts;
    for (int i = 0; i + 1 < boundaries.size(); ++i) {
        auto value = Storage::Sql::scalar(
            db,
            QStringLiteral(
                "SELECT COUNT(*) FROM jobs WHERE state = ? AND settled_at >= ? AND settled_at < ?"),
            { state, boundaries.at(i), boundaries.at(i + 1) });
        counts << (value ? value->toInt() : 0);
    }
    return counts;
}

ThroughputChart::Scale ThroughputChart::scaleFor(int maximum)
{
    // Steps of 1, 2, 5, 10, 20, 50 …: the smallest that covers the maximum in five steps.
    for (int magnitude = 1;; magnitude *= 10) {
        for (int factor : { 1, 2, 5 }) {
            const int step = factor * magnitude;
            if (step * 5 >= maximum)
                return Scale { std::max(5, (maximum + step - 1) / step * step), step };
        }
    }
}

QStringList ThroughputChart::axisLabels() const
{
    QStringList labels;
    const auto axes = m_view->chart() ? m_view->chart()->axes(Qt::Vertical) : QList<QAbstractAxis *>();
    if (const auto *axis = axes.isEmpty() ? nullptr : qobject_cast<const QValueAxis *>(axes.first())) {
        const int ticks = axis->tickCount();
        for (int i = 0; i < ticks; ++i) {
            const double value = axis->min() + (axis->max() - axis->min()) * i / std::max(1, ticks - 1);
            labels << QString::number(std::lround(value));
        }
    }
    return labels;
}

void ThroughputChart::refresh()
{
    const qint64 hourMs = 3600 * 1000;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 currentHour = now - now % hourMs;
    QList<qint64> boundaries;
    QStringList labels;
    for (int i = 23; i >= 0; --i) {
        const qint64 start = currentHour - qint64(i) * hourMs;
        boundaries << start;
        labels << QDateTime::fromMSecsSinceEpoch(start).toString(QStringLiteral("HH"));
    }
    boundaries << currentHour + hourMs;
    const QList<int> done = perHour(*m_db, QStringLiteral("done"), boundaries);
    const QList<int> failed = perHour(*m_db, QStringLiteral("failed"), boundaries);

    auto *delivered = new QBarSet(tr("Delivered"));
    delivered->setColor(QColor(0x38, 0xa1, 0x69));
    auto *failures = new QBarSet(tr("Failed"));
    failures->setColor(QColor(0xe5, 0x3e, 0x3e));
    int maximum = 0;
    m_deliveredTotal = 0;
    for (int i = 0; i < done.size(); ++i) {
        *delivered << done.at(i);
        *failures << failed.at(i);
        maximum = std::max({ maximum, done.at(i), failed.at(i) });
        m_deliveredTotal += done.at(i);
    }
    auto *series = new QBarSeries;
    series->append(delivered);
    series->append(failures);
    auto *chart = new QChart;
    chart->addSeries(series);
    chart->setTitle(tr("Jobs per hour, last 24 hours"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *axisX = new QBarCategoryAxis;
    axisX->append(labels);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    // Counts are whole: integer ticks (an empty day would otherwise read 0, 0.2 … shown as "0,0,0").
    const Scale scale = scaleFor(maximum);
    auto *axisY = new QValueAxis;
    axisY->setRange(0, scale.top);
    axisY->setTickCount(scale.top / scale.step + 1);
    axisY->setMinorTickCount(0);
    axisY->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    QChart *old = m_view->chart();
    m_view->setChart(chart);
    delete old;
}

} // namespace Gui
