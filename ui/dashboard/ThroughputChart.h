// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"

#include <QWidget>
#include <memory>

class QBarSet;
class QChart;
class QChartView;
class QBarCategoryAxis;
class QValueAxis;

namespace Gui {

/**
 * Delivered and failed jobs per hour over the last 24 hours, as a Qt Charts bar chart. Reads
 * jobs.settled_at by the (state, settled_at) index: 48 small range counts at most. GUI thread;
 * owned by the dashboard.
 */
class ThroughputChart : public QWidget
{
    Q_OBJECT
public:
    explicit ThroughputChart(std::shared_ptr<Storage::Database> db, QWidget *parent = nullptr);

    void refresh();
    /** Delivered jobs in the last 24 hours, as last drawn (for tests). */
    int deliveredTotal() const { return m_deliveredTotal; }

    /** The y-axis for counts up to `maximum`: whole numbers only, at most six ticks, at least 0..5. */
    struct Scale
    {
        int top = 5;
        int step = 1;
    };
    static Scale scaleFor(int maximum);
    /** The y-axis labels as last drawn (for tests). */
    QStringList axisLabels() const;

    /** Jobs of a state settled per hour, oldest hour first; hours.size() + 1 boundaries. */
    static QList<int> perHour(Storage::Database &db, const QString &state, const QList<qint64> &boundaries);

private:
    std::shared_ptr<Storage::Database> m_db;
    QChartView *m_view;
    int m_deliveredTotal = 0;
};

} // namespace Gui
