// SPDX-License-Identifier: GPL-3.0-or-later
#include "DashboardPage.h"

#include "LoadProgressPanel.h"
#include "StatTile.h"
#include "ThroughputChart.h"
#include "WorkerReadings.h"
#include "common/CredentialHealth.h"
#include "crm/ConnectorFactory.h"
#include "queue/FailureGroupModel.h"
#include "store/ConnectionRepo.h"
#include "store/JobRepo.h"
#include "store/OpLogRepo.h"

#include <QDate>
#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <optional>

namespace Gui {

DashboardPage::DashboardPage(std::shared_ptr<Storage::Database> db, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_pending(new StatTile(QStringLiteral("pendingTile"), tr("Waiting to be sent"), this))
    , m_running(new StatTile(QStringLiteral("runningTile"), tr("Being sent"), this))
    , m_done(new StatTile(QStringLiteral("doneTile"), tr("Delivered"), this))
    , m_failed(new StatTile(QStringLiteral("failedTile"), tr("Failed"), this))
    , m_oldest(new StatTile(QStringLiteral("oldestTile"), tr("Oldest waiting"), this))
    , m_today(new StatTile(QStringLiteral("todayTile"), tr("Delivered today"), this))
    , m_rate(new StatTile(QStringLiteral("rateTile"), tr("CRM rate limit used"), this))
    , m_token(new StatTile(QStringLiteral("tokenTile"), tr("Sign-in valid for"), this))
    , m_shops(new StatTile(QStringLiteral("shopsTile"), tr("Shops watched"), this))
    , m_lanes(new StatTile(QStringLiteral("lanesTile"), tr("CRM lanes running"), this))
    , m_chart(new ThroughputChart(m_db, this))
    , m_failures(new FailureGroupModel(m_db, this))
    , m_failureView(new QListView(this))
    , m_noFailures(new QLabel(tr("No failures: every job went through or is still on its way."), this))
    , m_problem(new QLabel(this))
    , m_loads(new LoadProgressPanel(m_db, this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("dashboardPage"));
    auto *title = new QLabel(tr("Dashboard"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    const QList<std::pair<StatTile *, Store::JobState>> stateTiles {
        { m_pending, Store::JobState::Pending },
        { m_running, Store::JobState::Running },
        { m_done, Store::JobState::Done },
        { m_failed, Store::JobState::Failed },
    };
    for (const auto &[tile, state] : stateTiles) {
        tile->setActivatable(tr("Show these jobs in the Queue"));
        connect(tile, &StatTile::activated, this, [this, state] { Q_EMIT jobStateActivated(state); });
    }

    auto *tiles = new QGridLayout;
    tiles->addWidget(m_today, 0, 0);
    tiles->addWidget(m_pending, 0, 1);
    tiles->addWidget(m_running, 0, 2);
    tiles->addWidget(m_failed, 0, 3);
    tiles->addWidget(m_oldest, 1, 0);
    tiles->addWidget(m_done, 1, 1);
    tiles->addWidget(m_rate, 1, 2);
    tiles->addWidget(m_token, 1, 3);
    tiles->addWidget(m_shops, 2, 0, 1, 2);
    tiles->addWidget(m_lanes, 2, 2, 1, 2);

    m_failureView->setObjectName(QStringLiteral("dashboardFailures"));
    m_failureView->setModel(m_failures);
    m_failureView->setMaximumHeight(120);
    connect(m_failureView, &QListView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT failureGroupActivated(index.data(FailureGroupModel::FingerprintRole).toString());
    });
    connect(m_failureView, &QListView::clicked, this, [this](const QModelIndex &index) {
        Q_EMIT failureGroupActivated(index.data(FailureGroupModel::FingerprintRole).toString());
    });
    auto *failuresTitle = new QLabel(tr("Latest failures (click to open them in the queue)"), this);

    m_noFailures->setObjectName(QStringLiteral("dashboardNoFailures"));
    m_noFailures->setWordWrap(true);
    m_noFailures->setEnabled(false); // drawn greyed, as a placeholder

    m_problem->setObjectName(QStringLiteral("dashboardProblem"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 18, 18, 18);
    layout->addWidget(title);
    layout->addWidget(m_problem);
    layout->addLayout(tiles);
    layout->addWidget(m_loads);
    layout->addWidget(m_chart, 1);
    layout->addWidget(failuresTitle);
    layout->addWidget(m_failureView);
    layout->addWidget(m_noFailures);

    connect(m_timer, &QTimer::timeout, this, &DashboardPage::refresh);
    m_timer->start(3000);
    refresh();
}

void DashboardPage::refresh()
{
    Store::JobRepo jobs(m_db);
    auto counts = jobs.countsByState();
    auto oldest = jobs.oldestPendingCreatedAt();
    if (!counts || !oldest) {
        m_problem->setText(
            tr("The store cannot be read: %1").arg((!counts ? counts.error() : oldest.error()).message));
        m_problem->show();
        return;
    }
    m_problem->hide();
    const QLocale locale;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 startOfDay = QDateTime(QDate::currentDate(), QTime(0, 0)).toMSecsSinceEpoch();
    const QList<int> today = ThroughputChart::perHour(*m_db, QStringLiteral("done"), { startOfDay, now + 1 });
    m_today->setValue(locale.toString(today.value(0)));
    refreshRate(now);
    refreshToken(now);
    for (const auto &[tile, reading] : { std::pair { m_shops, WorkerReadings::shops(m_db, now) },
                                         std::pair { m_lanes, WorkerReadings::lanes(m_db, now) } }) {
        tile->setValue(reading.value, reading.detail);
        tile->setTone(reading.tone);
    }
    m_failures->refresh();
    m_loads->refresh();
    const bool noFailures = m_failures->rowCount() == 0;
    m_failureView->setVisible(!noFailures);
    m_noFailures->setVisible(noFailures);
    m_pending->setValue(locale.toString(counts->value(Store::JobState::Pending)));
    m_running->setValue(
        locale.toString(counts->value(Store::JobState::Running) + counts->value(Store::JobState::Sending)));
    m_done->setValue(locale.toString(counts->value(Store::JobState::Done)));
    m_failed->setValue(locale.toString(counts->value(Store::JobState::Failed)),
                       counts->value(Store::JobState::Failed) > 0 ? tr("Open the queue to resend")
                                                                  : tr("Nothing needs attention"));
    if (oldest.value() == 0) {
        m_oldest->setValue(tr("none"), tr("The queue is empty"));
    } else {
        const qint64 minutes = (QDateTime::currentMSecsSinceEpoch() - oldest.value()) / 60000;
        m_oldest->setValue(
            tr("%n min", nullptr, int(minutes)),
            locale.toString(QDateTime::fromMSecsSinceEpoch(oldest.value()), QLocale::ShortFormat));
    }
}

void DashboardPage::refreshRate(qint64 now)
{
    // Each CRM account has its own budget (amoCRM 7 requests a second, RetailCRM 10 or as configured):
    // the tile shows the connection closest to its limit over the last minute, with its busiest second
    // (the one that would meet a 429 first).
    struct Load
    {
        QString connection;
        int calls = 0;
        int peak = 0;
        double perSecond = Crm::ConnectorOptions().requestsPerSecond;
        int percent() const { return int(calls * 100 / (perSecond * 60)); }
        /** How close to a 429: the larger of the minute's share and the busiest second's. */
        double pressure() const { return std::max(calls / (perSecond * 60), peak / perSecond); }
    };
    Store::OpLogFilter lastMinute;
    lastMinute.fromMs = now - 60'000;
    Store::OpLogRepo log(m_db);
    std::optional<Load> busiest;
    const QList<Store::Connection> connections
        = Store::ConnectionRepo(m_db).list().valueOr(QList<Store::Connection>());
    for (const Store::Connection &connection : connections) {
        Store::OpLogFilter filter = lastMinute;
        filter.connectionId = connection.id;
        const Load load { connection.name, log.count(filter).valueOr(0), log.busiestSecond(filter).valueOr(0),
                          Crm::ConnectorFactory::requestsPerSecondOf(connection) };
        if (!busiest || load.pressure() > busiest->pressure())
            busiest = load;
    }
    const Load shown = busiest.value_or(Load {});
    const int perSecond = int(shown.perSecond);
    const QString calls = connections.size() > 1
        ? tr("%1: %n call(s) in the last minute", nullptr, shown.calls).arg(shown.connection)
        : tr("%n call(s) in the last minute", nullptr, shown.calls);
    m_rate->setValue(QStringLiteral("%1%").arg(shown.percent()),
                     calls + QLatin1Char('\n')
                         + tr("busiest second: %1 of %2").arg(shown.peak).arg(perSecond));
    m_rate->setTone(shown.peak >= perSecond ? StatTile::Tone::Warning : StatTile::Tone::Normal);
}

void DashboardPage::refreshToken(qint64 now)
{
    const CredentialHealth health = CredentialHealth::fromStore(m_db, now);
    m_token->setValue(health.tileValue(now), health.tileDetail());
    m_token->setTone(health.level == CredentialHealth::Level::Problem       ? StatTile::Tone::Problem
                         : health.level == CredentialHealth::Level::Warning ? StatTile::Tone::Warning
                                                                            : StatTile::Tone::Normal);
}

} // namespace Gui
