// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crm/CrmSchema.h"
#include "mapping/CodeMaps.h"
#include "source/ShopSource.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListView;
class QTableView;
class QUndoStack;

namespace Gui {

class CodeMapModel;
class PaidStatusModel;

/**
 * The "Delivery & payment" tab of the Mapping page, for CRMs that check an order's delivery and
 * payment against their own lists (Mapping::CodeMaps::appliesTo): the shop's delivery and payment
 * methods each with a combo of the CRM's types, the shop statuses that mean "paid", and the CRM's
 * payment status sent for them. Every edit is undoable; rows the validator finds wrong are red and
 * say why. GUI thread; owned by the Mapping page.
 */
class CodeMapEditor : public QWidget
{
    Q_OBJECT
public:
    struct Shop
    {
        QList<Source::ShopMethod> deliveries;
        QList<Source::ShopMethod> payments;
        QList<Source::ShopStatus> statuses;
    };

    CodeMapEditor(QUndoStack *undo, QWidget *parent = nullptr);

    void setCodeMaps(const Mapping::CodeMaps &maps, const Crm::CrmSchema &schema, const Shop &shop);
    Mapping::CodeMaps codeMaps() const;
    /** The problems of the "codes" area. */
    void setProblems(const QList<Mapping::Problem> &problems);
    /** Sets the CRM payment status of paid orders without touching the undo stack. */
    void applyPaidPaymentStatus(const QString &code);

    CodeMapModel *deliveryModel() const { return m_deliveryModel; }
    CodeMapModel *paymentModel() const { return m_paymentModel; }
    PaidStatusModel *paidModel() const { return m_paidModel; }
    QTableView *deliveryView() const { return m_deliveryView; }
    QTableView *paymentView() const { return m_paymentView; }
    QComboBox *paidPaymentStatusCombo() const { return m_paidPaymentStatus; }

Q_SIGNALS:
    /** Something changed (an edit, an undo or a redo): revalidate. */
    void edited();

private:
    QTableView *tableFor(CodeMapModel *model, const QString &name);
    void fillPaidPaymentStatuses();

    QUndoStack *m_undo;
    CodeMapModel *m_deliveryModel;
    CodeMapModel *m_paymentModel;
    PaidStatusModel *m_paidModel;
    QTableView *m_deliveryView;
    QTableView *m_paymentView;
    QListView *m_paidView;
    QComboBox *m_paidPaymentStatus;
    QLabel *m_summary;
    QLabel *m_notRead; ///< says why the tables are empty before the shop was read
    QList<Crm::FieldEnum> m_paymentStatuses;
    QString m_paidPaymentStatusCode;
};

} // namespace Gui
