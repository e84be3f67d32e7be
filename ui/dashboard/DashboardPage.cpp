// SPDX-License-Identifier: GPL-3.0-or-later
#include "DashboardPage.h"

#include "StatTile.h"
#include "store/JobRepo.h"

#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QTimer>
#include <QVBoxLayout>

namespace Gui {

DashboardPage::DashboardPage(std::shared_ptr<Storage::Database> db, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_pending(new StatTile(QStringLiteral("pendingTile"), tr("Waiting to be sent"), this))
    , m_running(new StatTile(QStringLiteral("runningTile"), tr("Being sent"), this))
    , m_done(new StatTile(QStringLiteral("doneTile"), tr("Delivered"), this))
    , m_failed(new StatTile(QStringLiteral("failedTile"), tr("Failed"), this))
    , m_oldest(new StatTile(QStringLiteral("oldestTile"), tr("Oldest waiting"), this))
    , m_problem(new QLabel(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("dashboardPage"));
    auto *title = new QLabel(tr("Dashboard"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *tiles = new QGridLayout;
    tiles->addWidget(m_pending, 0, 0);
    tiles->addWidget(m_running, 0, 1);
    tiles->addWidget(m_done, 0, 2);
    tiles->addWidget(m_failed, 1, 0);
    tiles->addWidget(m_oldest, 1, 1);

    m_problem->setObjectName(QStringLiteral("dashboardProblem"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 18, 18, 18);
    layout->addWidget(title);
    layout->addWidget(m_problem);
    layout->addLayout(tiles);
    layout->addStretch();

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

} // namespace Gui
