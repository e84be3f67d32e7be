// SPDX-License-Identifier: GPL-3.0-or-later
#include "JobDetailPane.h"

#include "CrmRecordLink.h"
#include "JobTableModel.h"
#include "store/JobRepo.h"

#include <QDateTime>
#include <QDesktopServices>
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
    , m_crmLink(new QLabel(this))
    , m_wait(new QLabel(this))
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
    m_crmLink->setObjectName(QStringLiteral("jobCrmLink"));
    m_crmLink->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_crmLink, &QLabel::linkActivated, this, [this] { QDesktopServices::openUrl(m_crmUrl); });
    m_wait->setObjectName(QStringLiteral("jobWaitReason"));
    m_wait->setWordWrap(true);
    m_wait->hide();
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
    layout->addWidget(m_crmLink);
    layout->addWidget(m_wait);
    layout->addWidget(m_logLink);
    layout->addWidget(new QLabel(tr("Attempts"), this));
    layout->addWidget(m_attempts, 1);
    layout->addWidget(new QLabel(tr("Payload"), this));
    layout->addWidget(m_payload, 2);
    showJob(0);
}

void JobDetailPane::setWaitText(const QString &text)
{
    m_wait->setText(text);
    m_wait->setVisible(!text.isEmpty());
}

void JobDetailPane::showJob(qint64 jobId)
{
    m_jobId = jobId;
    m_attempts->clear();
    m_payload->clear();
    m_logLink->clear();
    m_crmLink->clear();
    m_crmLink->setToolTip({});
    m_crmUrl.clear();
    setWaitText({});
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
    if (const auto record = CrmRecordLink::of(m_db, job.value())) {
        m_crmUrl = record->url;
        const QString what = tr("%1 %2 in %3").arg(record->record, record->id, record->crmName);
        m_crmLink->setText(m_crmUrl.isEmpty()
                               ? what.toHtmlEscaped()
                               : QStringLiteral("%1 · <a href=\"%2\">%3</a>")
                                     .arg(what.toHtmlEscaped(),
                                          m_crmUrl.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                          tr("Open in %1").arg(record->crmName).toHtmlEscaped()));
        m_crmLink->setToolTip(m_crmUrl.toString());
    }
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
