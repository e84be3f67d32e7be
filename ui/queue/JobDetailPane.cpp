// SPDX-License-Identifier: GPL-3.0-or-later
#include "JobDetailPane.h"

#include "JobTableModel.h"
#include "store/JobRepo.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Gui {

namespace {

QString outcomeText(const QString &outcome)
{
    if (outcome == QLatin1String("done"))
        return JobDetailPane::tr("delivered");
    if (outcome == QLatin1String("retry"))
        return JobDetailPane::tr("will retry");
    if (outcome == QLatin1String("failed"))
        return JobDetailPane::tr("failed");
    if (outcome == QLatin1String("released"))
        return JobDetailPane::tr("given back");
    if (outcome == QLatin1String("reconciled"))
        return JobDetailPane::tr("reconciled");
    return outcome;
}

} // namespace

JobDetailPane::JobDetailPane(std::shared_ptr<Storage::Database> db, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_title(new QLabel(this))
    , m_logLink(new QLabel(this))
    , m_attempts(new QTreeWidget(this))
    , m_payload(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("jobDetail"));
    m_title->setObjectName(QStringLiteral("jobDetailTitle"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_logLink->setObjectName(QStringLiteral("jobLogLink"));
    connect(m_logLink, &QLabel::linkActivated, this, [this] { Q_EMIT logRequested(m_jobId); });

    m_attempts->setObjectName(QStringLiteral("jobAttempts"));
    m_attempts->setRootIsDecorated(false);
    m_attempts->setHeaderLabels({ tr("Try"), tr("Started"), tr("Outcome"), tr("HTTP"), tr("Error") });
    m_attempts->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_attempts->header()->setStretchLastSection(true);

    m_payload->setObjectName(QStringLiteral("jobPayload"));
    m_payload->setReadOnly(true);
    m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_payload->setLineWrapMode(QPlainTextEdit::NoWrap);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_logLink);
    layout->addWidget(new QLabel(tr("Attempts"), this));
    layout->addWidget(m_attempts, 1);
    layout->addWidget(new QLabel(tr("Payload"), this));
    layout->addWidget(m_payload, 2);
    showJob(0);
}

void JobDetailPane::showJob(qint64 jobId)
{
    m_jobId = jobId;
    m_attempts->clear();
    m_payload->clear();
    m_logLink->clear();
    if (jobId == 0) {
        m_title->setText(tr("Select a job to see its attempts and payload."));
        return;
    }
    Store::JobRepo repo(m_db);
    auto job = repo.get(jobId);
    if (!job) {
        m_title->setText(job.error().message);
        return;
    }
    m_title->setText(tr("Job %1 · %2 · %3")
                         .arg(job->id)
                         .arg(job->reference.isEmpty() ? job->kind : job->reference,
                              JobTableModel::stateText(job->state)));
    m_logLink->setText(QStringLiteral("<a href=\"log\">%1</a>").arg(tr("Show its log entries")));
    m_payload->setPlainText(QString::fromUtf8(QJsonDocument(job->payload).toJson(QJsonDocument::Indented)));
    auto attempts = repo.attempts(jobId);
    if (!attempts)
        return;
    const QLocale locale;
    for (const Store::JobAttempt &attempt : attempts.value()) {
        auto *item = new QTreeWidgetItem(m_attempts);
        item->setText(0, QString::number(attempt.attempt));
        item->setText(
            1, locale.toString(QDateTime::fromMSecsSinceEpoch(attempt.startedAt), QLocale::ShortFormat));
        item->setText(2, outcomeText(attempt.outcome));
        item->setText(3, attempt.httpStatus ? QString::number(attempt.httpStatus) : QString());
        item->setText(4, attempt.error.section(QLatin1Char('\n'), 0, 0));
        item->setToolTip(4, attempt.error);
    }
}

} // namespace Gui
