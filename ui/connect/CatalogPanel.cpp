// SPDX-License-Identifier: GPL-3.0-or-later
#include "CatalogPanel.h"

#include "engine/CatalogLaneWork.h"
#include "engine/CatalogPlan.h"
#include "storage/Sql.h"
#include "store/CatalogRepo.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace Gui {

namespace {

constexpr int kRefreshMs = 3000;

} // namespace

CatalogPanel::CatalogPanel(std::shared_ptr<Storage::Database> db, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_summary(new QLabel(this))
    , m_runs(new QLabel(this))
    , m_sync(new QPushButton(tr("Sync now"), this))
    , m_timer(new QTimer(this))
{
    m_summary->setObjectName(QStringLiteral("catalogSummary"));
    m_summary->setWordWrap(true);
    m_runs->setObjectName(QStringLiteral("catalogRuns"));
    m_runs->setWordWrap(true);
    m_runs->setTextFormat(Qt::PlainText);
    m_sync->setObjectName(QStringLiteral("catalogSyncButton"));
    m_sync->setToolTip(tr("Queues a catalogue run: the exchange sends the changed products under the "
                          "account's rate limit, after any waiting orders"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_sync, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_runs);
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &CatalogPanel::refresh);
    connect(m_sync, &QPushButton::clicked, this, &CatalogPanel::syncNow);
}

void CatalogPanel::setConnection(const Store::Connection &connection)
{
    m_connection = connection;
    refresh();
}

void CatalogPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_timer->start();
    refresh();
}

void CatalogPanel::hideEvent(QHideEvent *event)
{
    m_timer->stop();
    QWidget::hideEvent(event);
}

void CatalogPanel::refresh()
{
    const bool amo = m_connection.id > 0 && m_connection.crm == QLatin1String("amocrm");
    m_sync->setEnabled(amo);
    if (!amo) {
        m_summary->setText(m_connection.id > 0 ? tr(
                               "RetailCRM downloads the shop's catalogue as an ICML file (see the shop side)")
                                               : tr("Save and sign in to the connection first"));
        m_runs->clear();
        return;
    }
    Store::CatalogRepo repo(m_db);
    const int linked = repo.linkedCount(m_connection.id).valueOr(0);
    auto settings = Engine::CatalogSettings::read(m_db, m_connection.name);
    QString schedule;
    QString removed;
    if (!settings) {
        schedule = settings.error().message;
    } else {
        schedule = settings->intervalMs > 0
            ? tr("every %n minute(s)", nullptr, int(settings->intervalMs / 60'000))
            : tr("on demand only");
        switch (settings->removed) {
        case Engine::RemovedProducts::Keep:
        case Engine::RemovedProducts::Unlink: // not a setting; the element stays as it is there too
            removed = tr("kept");
            break;
        case Engine::RemovedProducts::Inactive:
            removed = tr("marked not sold");
            break;
        case Engine::RemovedProducts::Delete:
            removed = tr("deleted");
            break;
        }
    }
    auto failed
        = Storage::Sql::scalar(*m_db,
                               QStringLiteral("SELECT COUNT(*) FROM jobs WHERE kind = ? AND connection_id = ?"
                                              " AND state = 'failed'"),
                               { Engine::CatalogJobs::kKind, m_connection.id });
    const int failedRuns = failed ? failed->toInt() : 0;
    QString summary
        = tr("%n product(s) in amoCRM's catalogue. Runs: %1. Removed in the shop: %2.", nullptr, linked)
              .arg(schedule, removed.isEmpty() ? QStringLiteral("—") : removed);
    if (failedRuns > 0)
        summary += QLatin1Char(' ') + tr("%n failed run(s) in the queue.", nullptr, failedRuns);
    m_summary->setText(summary);

    QStringList lines;
    const QLocale locale;
    for (const Store::CatalogRun &run : repo.runs().valueOr({})) {
        if (run.connectionId != m_connection.id)
            continue;
        const QString when
            = locale.toString(QDateTime::fromMSecsSinceEpoch(run.finishedAt), QLocale::ShortFormat);
        QString line = tr("%1, %2: %3 products; %4 created, %5 updated, %6 retired, %7 failed")
                           .arg(run.source, when)
                           .arg(run.products)
                           .arg(run.created)
                           .arg(run.updated)
                           .arg(run.retired)
                           .arg(run.failed);
        if (!run.error.isEmpty())
            line += QStringLiteral(" — ") + run.error;
        lines << line;
    }
    m_runs->setText(lines.isEmpty() ? tr("No catalogue run yet") : lines.join(QLatin1Char('\n')));
}

void CatalogPanel::syncNow()
{
    auto sources = Store::CatalogRepo(m_db).sourcesOf(m_connection.id);
    if (!sources || sources->isEmpty()) {
        m_runs->setText(sources ? tr("No shop sends to this connection") : sources.error().message);
        return;
    }
    int queued = 0;
    for (const QString &source : std::as_const(*sources)) {
        auto requested = Engine::CatalogJobs::request(m_db, m_connection.id, source);
        if (!requested) {
            m_runs->setText(requested.error().message);
            return;
        }
        queued += requested.value() ? 1 : 0;
    }
    refresh();
    m_runs->setText(m_runs->text() + QLatin1Char('\n')
                    + (queued > 0 ? tr("%n run(s) queued: the exchange sends them", nullptr, queued)
                                  : tr("A run is already waiting")));
}

} // namespace Gui
